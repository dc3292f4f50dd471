using System.Text;

namespace ComputeGap.Sweep.Spec;

/// <summary>Reads sweep and baseline files and the built-in copies embedded in this assembly.</summary>
internal static class SpecFiles
{
    /// <summary>Source name of the embedded files.</summary>
    public const string BuiltIn = "built-in";

    /// <summary>Largest file read, in bytes; specs are a few kilobytes.</summary>
    private const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The file's text, decoded as UTF-8 (a byte-order mark is dropped).</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw SpecErrors.Fail(path, JsonPaths.Root, "file not found");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw SpecErrors.Fail(path, JsonPaths.Root, $"file is larger than {MaxBytes / (1024 * 1024)} MiB");
                }

                buffer.Write(chunk, 0, read);
            }

            return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (IOException ex)
        {
            throw SpecErrors.Fail(path, JsonPaths.Root, "cannot read file: " + ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw SpecErrors.Fail(path, JsonPaths.Root, "cannot read file: " + ex.Message);
        }
    }

    /// <summary>The text of an embedded resource (see the csproj's LogicalName items).</summary>
    public static string ReadResource(string logicalName)
    {
        using var stream = typeof(SpecFiles).Assembly.GetManifestResourceStream(logicalName)
            ?? throw SpecErrors.Fail(BuiltIn, JsonPaths.Root, $"resource {logicalName} is missing from {typeof(SpecFiles).Assembly.GetName().Name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The directory a relative path in <paramref name="file"/> is resolved against.</summary>
    public static string DirectoryOf(string file)
    {
        if (file == BuiltIn)
        {
            return string.Empty;
        }

        try
        {
            return Path.GetDirectoryName(file) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
