using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ComputeGap.IO.Tests;

/// <summary>
/// Runs SQL over Parquet files with DuckDB (node package in <c>tests/duckdb</c>), as an independent
/// reader to check what ComputeGap writes. Self-contained: copy or link this one file into any test
/// project. Needs <c>node</c> and <c>npm</c> on the PATH; the first use runs
/// <c>npm install --no-audit --no-fund</c> in <c>tests/duckdb</c> until one has finished (a marker in <c>node_modules</c>).
/// </summary>
/// <remarks>
/// The repository root is found from <c>COMPUTEGAP_REPO_ROOT</c> if set, else by walking up from the
/// test binaries, this source file's compile-time location and the current directory to a directory
/// holding <c>ComputeGap.sln</c> or <c>tests/duckdb/package.json</c>. Installs are serialised across
/// processes with a lock file in the temp directory.
/// </remarks>
public static class DuckDb
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly Lazy<string> PackageDirectoryLazy = new(FindPackageDirectory);

    /// <summary>The <c>tests/duckdb</c> directory.</summary>
    public static string PackageDirectory => PackageDirectoryLazy.Value;

    /// <summary>
    /// Runs <paramref name="sql"/> and returns the result rows. In the SQL, <c>{path}</c> stands for
    /// <paramref name="parquetPath"/> as a quoted literal and the view <c>data</c> reads it, e.g.
    /// <c>SELECT count(*) AS n FROM data</c> or <c>SELECT decode(key) AS k FROM parquet_kv_metadata({path})</c>.
    /// Values follow DuckDB's JSON conversion: BIGINT, HUGEINT, DECIMAL and BLOB come back as strings
    /// (use <see cref="ToDouble"/>, <see cref="ToInt64"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">npm or the query failed; the message holds DuckDB's error.</exception>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> QueryAsync(
        string parquetPath, string sql, CancellationToken cancellationToken = default)
    {
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var output = await RunAsync("node", ["query.mjs", Path.GetFullPath(parquetPath), sql], QueryTimeout, cancellationToken)
            .ConfigureAwait(false);
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray()
            .Select(row => (IReadOnlyDictionary<string, JsonElement>)row.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal))];
    }

    /// <summary>Installs the DuckDB node package unless an earlier install finished (see <see cref="IsInstalled"/>).</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (IsInstalled())
        {
            return;
        }

        await InstallGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var processLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            if (!IsInstalled())
            {
                await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["install", "--no-audit", "--no-fund"],
                    InstallTimeout, cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(InstalledMarker, "npm install finished\n", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>A number from a JSON number or a numeric string (BIGINT/HUGEINT/DECIMAL, "NaN", "Infinity").</summary>
    public static double ToDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Null => double.NaN,
        _ => throw new FormatException($"Not a number: {value}"),
    };

    /// <summary>An integer from a JSON number or a numeric string (BIGINT and HUGEINT arrive as strings).</summary>
    public static long ToInt64(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
        : value.GetInt64();

    /// <summary>
    /// Whether an install has finished: a marker written after <c>npm install</c> returns. The package's
    /// directory appears while npm still writes the native module, and a test assembly running beside the
    /// installing one that loaded it then crashed (SIGBUS, exit 135).
    /// </summary>
    private static bool IsInstalled() =>
        File.Exists(InstalledMarker) && Directory.Exists(Path.Combine(PackageDirectory, "node_modules", "@duckdb", "node-api"));

    private static string InstalledMarker => Path.Combine(PackageDirectory, "node_modules", ".computegap-installed");

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "computegap-duckdb-npm-install.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = PackageDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{program}'; is it on the PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' in {PackageDirectory} exited with {process.ExitCode}: {error.Trim()}");
    }

    private static string FindPackageDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("COMPUTEGAP_REPO_ROOT");
        string?[] starts = [fromEnvironment, AppContext.BaseDirectory, SourceDirectory(), Directory.GetCurrentDirectory()];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var package = Path.Combine(dir.FullName, "tests", "duckdb");
                if (File.Exists(Path.Combine(package, "package.json"))
                    && (File.Exists(Path.Combine(dir.FullName, "ComputeGap.sln")) || File.Exists(Path.Combine(package, "query.mjs"))))
                {
                    return package;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Could not find tests/duckdb above the test binaries, the source tree or the current directory; set COMPUTEGAP_REPO_ROOT.");
    }

    private static string? SourceDirectory([CallerFilePath] string sourceFile = "") =>
        string.IsNullOrEmpty(sourceFile) ? null : Path.GetDirectoryName(sourceFile);
}
