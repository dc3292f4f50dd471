namespace ComputeGap.Core.Tests.Sampling;

/// <summary>Net-property checks shared by the Sobol tests.</summary>
internal static class SobolAssert
{
    /// <summary>
    /// For m = 1 … <paramref name="maxLog2"/>, points 0 … 2^m − 1 of one coordinate (its 32 bits) fall one
    /// in each interval [j/2^m, (j+1)/2^m): their leading m bits take every value exactly once.
    /// </summary>
    public static void OnePointPerStratum(Func<uint, uint> bits, int maxLog2, string what)
    {
        for (var m = 1; m <= maxLog2; m++)
        {
            var seen = new bool[1 << m];
            for (var i = 0u; i < 1u << m; i++)
            {
                var stratum = (int)(bits(i) >> (32 - m));
                Assert.False(seen[stratum], $"{what}, m = {m}: point {i} is the second in stratum {stratum}");
                seen[stratum] = true;
            }
        }
    }
}
