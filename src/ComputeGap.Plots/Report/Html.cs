using System.Net;

namespace ComputeGap.Plots.Report;

/// <summary>Text made safe for an HTML page: every piece of run, sweep or user text passes through here before it is written.</summary>
internal static class Html
{
    /// <summary><paramref name="text"/> with <c>&lt; &gt; &amp; " '</c> as character references, safe in element content and in quoted attributes.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A <c>data:</c> URI of <paramref name="bytes"/>, so a picture needs no file beside the page.</summary>
    public static string DataUri(string mediaType, byte[] bytes) => $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";
}
