using System.Text.Json.Serialization;

namespace ComputeGap.IO.Reports;

/// <summary>Source-generated JSON for the list- and map-valued metadata keys (no reflection).</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
