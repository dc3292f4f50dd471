using ComputeGap.Core.Lanes;
using Xunit;

namespace ComputeGap.Core.Tests;

/// <summary>A fact about <see cref="LaneMath"/>, which needs AVX-512F; skipped, with the reason, on CPUs without it.</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!LaneMath.IsSupported)
        {
            Skip = "needs AVX-512F; this CPU has none, so the lanes use .NET's exp and ln";
        }
    }
}
