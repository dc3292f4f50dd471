namespace ComputeGap.Sweep.Spec;

/// <summary>Makes <see cref="SpecException"/> the only exception a parser lets out.</summary>
internal static class SpecGuard
{
    public static T Run<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SpecException)
        {
            throw;
        }
#pragma warning disable CA1031 // The parsers promise callers one exception type for any input text. Anything
        // else reaching here is a parser defect; it is reported, named as such, in the one-line form.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw SpecErrors.Fail(file ?? "(unnamed)", JsonPaths.Root, $"internal error while reading ({ex.GetType().Name}): {ex.Message}");
        }
    }
}
