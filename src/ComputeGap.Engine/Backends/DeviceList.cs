using System.Globalization;

namespace ComputeGap.Engine.Backends;

/// <summary>The <c>--devices</c> list: <c>all</c>, or distinct CUDA device indices such as <c>0,1</c>.</summary>
public static class DeviceList
{
    /// <summary>
    /// The device indices <paramref name="spec"/> names, in the order given; <c>all</c> is every one
    /// of the <paramref name="available"/> devices. Throws <see cref="ArgumentException"/> naming
    /// <c>--devices</c> for anything else, a duplicate, or an index that is not below <paramref name="available"/>.
    /// </summary>
    public static IReadOnlyList<int> Parse(string spec, int available)
    {
        var text = spec.Trim();
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. Enumerable.Range(0, available)];
        }

        var indices = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new ArgumentException($"--devices '{spec}': expected 'all' or device indices such as 0,1 (got '{part.Trim()}')");
            }

            if (indices.Contains(index))
            {
                throw new ArgumentException($"--devices '{spec}': device {index} is listed twice");
            }

            if (index >= available)
            {
                throw new ArgumentException($"--devices '{spec}': there is no CUDA device {index} ({(available == 0 ? "found none" : $"found {available}: indices 0 to {available - 1}")})");
            }

            indices.Add(index);
        }

        return indices;
    }

    /// <summary>Checks the syntax of <paramref name="spec"/> only (no device count needed); throws like <see cref="Parse"/>.</summary>
    public static void CheckSyntax(string spec)
    {
        if (!spec.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            Parse(spec, int.MaxValue);
        }
    }
}
