namespace ComputeGap.Core.Sampling;

/// <summary>
/// One output block of <see cref="Philox4x32.Block"/>: four 32-bit words, each uniformly distributed
/// over all of <see cref="uint"/> and independent of the others for a fixed key.
/// </summary>
/// <remarks>Plain <see cref="uint"/> fields and no references, so kernels can hold it in registers.</remarks>
public readonly struct Philox4(uint x0, uint x1, uint x2, uint x3)
{
    /// <summary>Word 0 of the block.</summary>
    public readonly uint X0 = x0;

    /// <summary>Word 1 of the block.</summary>
    public readonly uint X1 = x1;

    /// <summary>Word 2 of the block.</summary>
    public readonly uint X2 = x2;

    /// <summary>Word 3 of the block.</summary>
    public readonly uint X3 = x3;
}
