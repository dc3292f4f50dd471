using SkiaSharp;

namespace ComputeGap.Plots.Tests;

/// <summary>Reads pictures back the way a viewer would: decoding the PNG and counting its colours.</summary>
internal static class Pictures
{
    /// <summary>The decoded PNG; fails the test when it does not decode.</summary>
    public static SKBitmap Decode(string path)
    {
        var bitmap = SKBitmap.Decode(path);
        Assert.True(bitmap is not null, $"{path} does not decode as an image");
        return bitmap;
    }

    /// <summary>How many distinct colours the bitmap holds.</summary>
    public static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }
}
