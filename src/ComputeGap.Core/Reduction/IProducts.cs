namespace ComputeGap.Core.Reduction;

/// <summary>
/// How the sensitivity statistics' scalar forms multiply in float64. A product that a sum then takes
/// in must be rounded on its own (IEEE), as the vector forms and the host round it: PTX's plain
/// <c>mul.f64</c> lets the CUDA driver fuse it with the following add into one FMA, which rounds once
/// and so gives other last bits. The device's products (<c>DeviceProducts</c> in the kernels) emit
/// <c>mul.rn.f64</c>, which may not be fused.
/// </summary>
public interface IProducts
{
    /// <summary>a · b, rounded to nearest on its own.</summary>
    double Multiply(double a, double b);
}

/// <summary>The host's products: .NET never fuses a multiply with an add it was not asked to.</summary>
public readonly struct HostProducts : IProducts
{
    public double Multiply(double a, double b) => a * b;
}
