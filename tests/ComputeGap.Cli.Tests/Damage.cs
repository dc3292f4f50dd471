namespace ComputeGap.Cli.Tests;

/// <summary>One seeded random damage to a finished run directory, as disks, copies and people do it.</summary>
public sealed record Damage(string Kind, string File, string Detail)
{
    public static readonly string[] Kinds = ["flip", "burst", "truncate", "delete-part", "delete-manifest", "extra-part", "swap"];

    public override string ToString() => $"{Kind} {Path.GetFileName(File)} {Detail}";

    /// <summary>Damages one file of <paramref name="run"/>; <paramref name="foreign"/> is another run of the same name.</summary>
    public static Damage Apply(Random random, string run, string foreign)
    {
        var parts = Directory.GetFiles(run, "*.parquet").Order(StringComparer.Ordinal).ToArray();
        var manifests = Directory.GetFiles(run, "*.manifest.json");
        var kind = Kinds[random.Next(Kinds.Length)];
        var victim = kind is "flip" or "burst" or "truncate" && random.Next(4) == 0
            ? manifests[random.Next(manifests.Length)]
            : parts[random.Next(parts.Length)];
        switch (kind)
        {
            case "flip":
            case "burst":
            {
                var bytes = System.IO.File.ReadAllBytes(victim);
                var length = kind == "flip" ? 1 : Math.Min(bytes.Length, 2 + random.Next(63));
                var at = random.Next(bytes.Length - length + 1);
                for (var i = at; i < at + length; i++)
                {
                    bytes[i] ^= (byte)(1 + random.Next(255));
                }

                System.IO.File.WriteAllBytes(victim, bytes);
                return new Damage(kind, victim, $"{length} byte(s) at {at}");
            }

            case "truncate":
            {
                var length = new FileInfo(victim).Length;
                var keep = random.NextInt64(length);
                using (var stream = new FileStream(victim, FileMode.Open))
                {
                    stream.SetLength(keep);
                }

                return new Damage(kind, victim, $"to {keep} of {length} bytes");
            }

            case "delete-part":
                System.IO.File.Delete(victim);
                return new Damage(kind, victim, string.Empty);
            case "delete-manifest":
                System.IO.File.Delete(manifests[0]);
                return new Damage(kind, manifests[0], string.Empty);
            case "extra-part":
            {
                // Another run's part under a name of this run (inside its scenarios, off its part starts) that no manifest lists.
                var source = Directory.GetFiles(foreign, "*.parquet")[0];
                var name = Path.GetFileName(source);
                var extra = Path.Combine(run, name.Replace(".0000000000000000000.", $".000000000000000000{1 + random.Next(7)}.", StringComparison.Ordinal));
                System.IO.File.Copy(source, extra, overwrite: true);
                return new Damage(kind, extra, $"copied from {name}");
            }

            default:
            {
                var source = Path.Combine(foreign, Path.GetFileName(victim));
                System.IO.File.Copy(source, victim, overwrite: true);
                return new Damage(kind, victim, "replaced by the other run's file of that name");
            }
        }
    }
}
