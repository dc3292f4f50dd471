using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ComputeGap.Plots.Tests.Report;

/// <summary>
/// Opens a page in Debian's headless Chromium, as a reader's browser would, with the flags that work on these
/// machines (root, no GPU, no network but the package registries): a screenshot, and the page's errors.
/// </summary>
/// <remarks>
/// How errors are seen: Chromium gets a copy of the page with <see cref="Probe"/> first in its head. The probe
/// counts, in the capture phase, every <c>error</c> event (an uncaught exception, and an image, stylesheet or
/// script that fails to load) and every <c>console.error</c> call, and on <c>load</c> writes the count and the
/// messages into attributes of the root element; <c>--dump-dom</c> prints the DOM after load, and the test reads
/// them back. Chromium's own log (<c>--enable-logging=stderr --v=0</c>) must also hold no <c>CONSOLE</c> line:
/// the report writes nothing to the console. A probe that never ran (no <c>data-probe</c>) fails the check too.
/// The page under test carries no script of its own; only the copy gets the probe.
/// </remarks>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private const string Probe = """
        <script>
        (function () {
          var errors = [];
          window.addEventListener('error', function (e) {
            var t = e.target;
            errors.push(e.message || ('failed to load ' + (t && (t.src || t.href || t.tagName))));
          }, true);
          var original = console.error;
          console.error = function () { errors.push(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); };
          window.addEventListener('load', function () {
            var root = document.documentElement;
            root.setAttribute('data-probe', 'loaded');
            root.setAttribute('data-errors', String(errors.length));
            root.setAttribute('data-messages', errors.join(' | '));
          });
        })();
        </script>
        """;

    /// <summary>Takes a <paramref name="width"/> × <paramref name="height"/> screenshot of <paramref name="page"/> into <paramref name="png"/>.</summary>
    public static void Screenshot(string page, string png, int width, int height) =>
        Run($"--screenshot={png}", $"--window-size={width},{height}", new Uri(page).AbsoluteUri);

    /// <summary>The errors seen while <paramref name="page"/> loaded: the probe's and Chromium's console lines; empty when there were none.</summary>
    public static IReadOnlyList<string> Errors(string page)
    {
        var probed = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(page)!, "probed." + System.IO.Path.GetFileName(page));
        var html = File.ReadAllText(page);
        var head = html.IndexOf("<head>", StringComparison.Ordinal);
        Assert.True(head >= 0, $"{page} has no <head>");
        File.WriteAllText(probed, html.Insert(head + "<head>".Length, Probe));

        var (dom, log) = Run("--dump-dom", new Uri(probed).AbsoluteUri);
        var errors = log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).Select(l => "console: " + l.Trim()).ToList();
        // The serialised root element; its attribute values have their quotes escaped, so [^"]* reads one whole.
        string? Attribute(string name) => Regex.Match(dom, $"<html[^>]*? {name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        if (Attribute("data-probe") != "loaded")
        {
            errors.Add($"the probe never saw the load event (chromium printed {dom.Length} characters of DOM)");
        }
        else if (Attribute("data-errors") != "0")
        {
            errors.Add($"{Attribute("data-errors")} error(s): {Attribute("data-messages")}");
        }

        return errors;
    }

    /// <summary>Runs headless Chromium on a fresh profile; its standard output and error.</summary>
    private static (string Output, string Error) Run(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("computegap-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0", .. arguments])
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // A guard against a hung browser, not a measurement: a page renders in a few seconds.
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish {string.Join(' ', arguments)}");
            }

            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {error.Result}");
            return (output.Result, error.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
