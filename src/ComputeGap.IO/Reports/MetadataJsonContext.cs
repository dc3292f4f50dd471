using System.Text.Json.Serialization;

namespace ComputeGap.IO.Reports;

/// <summary>Source-generated JSON for the list-valued metadata keys (no reflection).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
