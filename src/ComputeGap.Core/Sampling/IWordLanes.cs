namespace ComputeGap.Core.Sampling;

/// <summary>
/// A vector of <see cref="ulong"/> lanes that hold 32-bit words, the few operations
/// <see cref="Philox4x32Vector"/>'s rounds need, so they are written once for every vector width.
/// </summary>
/// <typeparam name="TSelf">The implementing lane type.</typeparam>
public interface IWordLanes<TSelf>
    where TSelf : struct, IWordLanes<TSelf>
{
    /// <summary>How many 32-bit words one <see cref="Widen"/> reads: twice the ulong lanes.</summary>
    static abstract int Words { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Of(ulong value);

    /// <summary>The first <see cref="Words"/> words, zero-extended into two vectors (lower half first).</summary>
    static abstract (TSelf Lower, TSelf Upper) Widen(ReadOnlySpan<uint> words);

    /// <summary>The low 32 bits of each lane of <paramref name="lower"/> then <paramref name="upper"/> into <paramref name="words"/>.</summary>
    static abstract void Narrow(TSelf lower, TSelf upper, Span<uint> words);

    /// <summary>Each lane's high 32 bits, shifted down.</summary>
    static abstract TSelf High(TSelf value);

    /// <summary>Lane-wise product modulo 2^64.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>Lane-wise exclusive or.</summary>
    static abstract TSelf operator ^(TSelf left, TSelf right);

    /// <summary>Lane-wise and.</summary>
    static abstract TSelf operator &(TSelf left, TSelf right);
}
