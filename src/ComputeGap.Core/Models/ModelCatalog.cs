namespace ComputeGap.Core.Models;

/// <summary>The models a sweep file may name, by name (<c>v1</c>, <c>v2</c>, and the test functions <c>ishigami</c> and <c>sobol-g</c>) or by version.</summary>
public static class ModelCatalog
{
    /// <summary>Every model, oldest first.</summary>
    public static IReadOnlyList<ModelDescriptor> All { get; } = [ModelV1.Descriptor, Market.ModelV2.Descriptor, TestFunctions.Ishigami.Descriptor, TestFunctions.SobolG.Descriptor];

    /// <summary>The model a sweep runs when it names none.</summary>
    public static ModelDescriptor Default => Market.ModelV2.Descriptor;

    /// <summary>The model named <paramref name="name"/> (<c>v1</c>, <c>v2</c>), or null.</summary>
    public static ModelDescriptor? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The model whose version is <paramref name="version"/> (<c>1</c>, <c>2</c>), or null.</summary>
    public static ModelDescriptor? ByVersion(string version) => All.FirstOrDefault(m => m.Version == version);

    /// <summary>The models that have a parameter named <paramref name="name"/>.</summary>
    public static IEnumerable<ModelDescriptor> Having(string name) => All.Where(m => m.Find(name) is not null);
}
