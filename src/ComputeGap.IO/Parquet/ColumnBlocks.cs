namespace ComputeGap.IO.Parquet;

/// <summary>
/// Walks the named columns of a table in blocks of consecutive rows, in row order: <paramref name="body"/>(first
/// row, rows, each column's doubles), as <see cref="IColumnSource.ForEachBlock"/> does.
/// </summary>
public delegate void BlockWalk(IReadOnlyList<string> names, Action<int, int, double[][]> body);

/// <summary>
/// Reads a numeric column array (<c>long[]</c>, <c>int[]</c>, <c>float[]</c>, <c>double[]</c>) block by
/// block as doubles, so code that works in doubles never holds a widened copy of a whole column
/// (10^8 float32 values are 400 MB; as doubles, another 800 MB).
/// </summary>
public static class ColumnBlocks
{
    /// <summary>Rows per block: 64 Ki, half a megabyte of doubles.</summary>
    public const int Size = 1 << 16;

    /// <summary>Copies <paramref name="target"/>.Length values from row <paramref name="start"/> of <paramref name="values"/>, widened to double.</summary>
    /// <exception cref="ArgumentException">The array is not a numeric column.</exception>
    public static void Copy(Array values, int start, Span<double> target)
    {
        switch (values)
        {
            case double[] d: d.AsSpan(start, target.Length).CopyTo(target); break;
            case float[] f: Widen(f.AsSpan(start, target.Length), target); break;
            case int[] n: for (var i = 0; i < target.Length; i++) { target[i] = n[start + i]; } break;
            case long[] l: for (var i = 0; i < target.Length; i++) { target[i] = l[start + i]; } break;
            default: throw new ArgumentException($"a {values.GetType().Name} is not a numeric column", nameof(values));
        }
    }

    /// <summary>Runs <paramref name="body"/>(block start, the block's doubles) over every block in order, on this thread.</summary>
    public static void ForEachInOrder(Array values, Action<int, ReadOnlySpan<double>> body) =>
        ForEachInOrder([values], (start, length, buffers) => body(start, buffers[0].AsSpan(0, length)));

    /// <summary>
    /// Runs <paramref name="body"/>(block start, block length, each column's doubles) over every block of
    /// the equally long <paramref name="columns"/> in order, on this thread: buffer k holds column k's block
    /// in its first <c>length</c> entries.
    /// </summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static void ForEachInOrder(IReadOnlyList<Array> columns, Action<int, int, double[][]> body)
    {
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != rows))
        {
            throw new ArgumentException($"columns of {string.Join(", ", columns.Select(c => c.Length))} rows cannot be walked together", nameof(columns));
        }

        ForEachInOrder(columns, rows, body);
    }

    /// <summary>
    /// <see cref="ForEachInOrder(IReadOnlyList{Array}, Action{int, int, double[][]})"/> over the first
    /// <paramref name="rows"/> entries of arrays at least that long (reused row-group buffers).
    /// </summary>
    /// <exception cref="ArgumentException">A column is shorter than <paramref name="rows"/>.</exception>
    public static void ForEachInOrder(IReadOnlyList<Array> columns, int rows, Action<int, int, double[][]> body)
    {
        if (columns.Any(c => c.Length < rows))
        {
            throw new ArgumentException($"columns of {string.Join(", ", columns.Select(c => c.Length))} values hold fewer than {rows} rows", nameof(columns));
        }

        var buffers = columns.Select(_ => new double[Math.Min(Size, rows)]).ToArray();
        for (var start = 0; start < rows; start += Size)
        {
            var length = Math.Min(Size, rows - start);
            for (var c = 0; c < buffers.Length; c++)
            {
                Copy(columns[c], start, buffers[c].AsSpan(0, length));
            }

            body(start, length, buffers);
        }
    }

    /// <summary>One value, widened to double.</summary>
    public static double At(Array values, int row)
    {
        Span<double> one = stackalloc double[1];
        Copy(values, row, one);
        return one[0];
    }

    /// <summary>Runs <paramref name="body"/>(block start, the block's doubles) over every block, in parallel.</summary>
    public static void ForEach(Array values, Action<int, ReadOnlySpan<double>> body) =>
        Parallel.For(0, (values.Length + Size - 1) / Size, () => new double[Size], (block, _, buffer) =>
        {
            var start = block * Size;
            var span = buffer.AsSpan(0, Math.Min(Size, values.Length - start));
            Copy(values, start, span);
            body(start, span);
            return buffer;
        }, _ => { });

    private static void Widen(ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i];
        }
    }
}
