using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Sampling;

/// <summary><see cref="IWordLanes{TSelf}"/> on <see cref="Vector512{T}"/>: eight ulong lanes, 16 words a step.</summary>
public readonly struct WordLanes512(Vector512<ulong> value) : IWordLanes<WordLanes512>
{
    /// <summary>The lanes.</summary>
    public readonly Vector512<ulong> Value = value;

    public static int Words => Vector512<uint>.Count;

    public static WordLanes512 Of(ulong value) => new(Vector512.Create(value));

    public static (WordLanes512 Lower, WordLanes512 Upper) Widen(ReadOnlySpan<uint> words)
    {
        var vector = Vector512.Create(words);
        return (new(Vector512.WidenLower(vector)), new(Vector512.WidenUpper(vector)));
    }

    public static void Narrow(WordLanes512 lower, WordLanes512 upper, Span<uint> words) => Vector512.Narrow(lower.Value, upper.Value).CopyTo(words);

    public static WordLanes512 High(WordLanes512 value) => new(value.Value >>> 32);

    public static WordLanes512 operator *(WordLanes512 left, WordLanes512 right) => new(left.Value * right.Value);

    public static WordLanes512 operator ^(WordLanes512 left, WordLanes512 right) => new(left.Value ^ right.Value);

    public static WordLanes512 operator &(WordLanes512 left, WordLanes512 right) => new(left.Value & right.Value);
}
