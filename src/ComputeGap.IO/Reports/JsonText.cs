using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComputeGap.IO.Reports;

/// <summary>How the reports write one indented JSON document to a text writer.</summary>
public static class JsonText
{
    /// <summary>Writes what <paramref name="write"/> writes, indented, with readable quotes and non-ASCII text
    /// (the reports are never embedded in HTML unescaped), then a line break.</summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
