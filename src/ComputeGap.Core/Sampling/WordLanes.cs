using System.Numerics;

namespace ComputeGap.Core.Sampling;

/// <summary><see cref="IWordLanes{TSelf}"/> on <see cref="Vector{T}"/> (256 bits on AVX2 and AVX-512 machines).</summary>
public readonly struct WordLanes(Vector<ulong> value) : IWordLanes<WordLanes>
{
    /// <summary>The lanes.</summary>
    public readonly Vector<ulong> Value = value;

    public static int Words => Vector<uint>.Count;

    public static WordLanes Of(ulong value) => new(new Vector<ulong>(value));

    public static (WordLanes Lower, WordLanes Upper) Widen(ReadOnlySpan<uint> words)
    {
        var vector = new Vector<uint>(words);
        return (new(Vector.WidenLower(vector)), new(Vector.WidenUpper(vector)));
    }

    public static void Narrow(WordLanes lower, WordLanes upper, Span<uint> words) => Vector.Narrow(lower.Value, upper.Value).CopyTo(words);

    public static WordLanes High(WordLanes value) => new(value.Value >>> 32);

    public static WordLanes operator *(WordLanes left, WordLanes right) => new(left.Value * right.Value);

    public static WordLanes operator ^(WordLanes left, WordLanes right) => new(left.Value ^ right.Value);

    public static WordLanes operator &(WordLanes left, WordLanes right) => new(left.Value & right.Value);
}
