namespace ComputeGap.IO.Names;

/// <summary>The one-line refusal of a column a table does not have, naming the closest one.</summary>
public static class UnknownColumn
{
    /// <summary>Throws unless <paramref name="names"/> holds <paramref name="column"/>.</summary>
    /// <param name="option">The option that named it, e.g. <c>--where</c>.</param>
    /// <param name="column">The name given.</param>
    /// <param name="names">The table's columns.</param>
    /// <param name="source">The table, as the user named it.</param>
    /// <exception cref="ArgumentException"><c>--where: no column "shre_EU" in out (did you mean share_EU?) (columns: …)</c>.</exception>
    public static void Check(string option, string column, IReadOnlyList<string> names, string source)
    {
        if (!names.Contains(column, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{option}: no column \"{column}\" in {source}"
                + (ClosestName.Find(column, names) is { } best ? $" (did you mean {best}?)" : string.Empty)
                + $" (columns: {(names.Count <= 24 ? string.Join(", ", names) : string.Join(", ", names.Take(24)) + $", … ({names.Count} in all)")})");
        }
    }
}
