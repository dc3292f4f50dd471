namespace ComputeGap.IO.Parquet;

/// <summary>Returning the memory of large columns just dropped, before the next is read.</summary>
public static class ColumnMemory
{
    /// <summary>
    /// A blocking, compacting collection: columns are large-object-heap arrays (400 MB per float32 column
    /// at 10^8 rows) that the collector would otherwise keep until its own thresholds, so code that reads
    /// columns one at a time calls this between them to hold one at a time in fact. Measured: with it (and
    /// columns read in blocks of doubles) a 10^8-row discovery's peak resident set fell from 9.9 GB to 3.1 GB.
    /// </summary>
    public static void Release() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}
