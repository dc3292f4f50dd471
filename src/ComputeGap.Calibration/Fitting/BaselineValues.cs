using ComputeGap.Core.Models;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Fitting;

/// <summary>A baseline's parameter slots, read and written by name (<c>name</c> or <c>name[REGION]</c>).</summary>
public sealed class BaselineValues
{
    private readonly double[] _slots;

    public BaselineValues(Baseline baseline)
    {
        Baseline = baseline;
        _slots = [.. baseline.Slots];
    }

    private BaselineValues(Baseline baseline, double[] slots)
    {
        Baseline = baseline;
        _slots = slots;
    }

    /// <summary>The baseline the values started from (regions, focus, rivals, model).</summary>
    public Baseline Baseline { get; }

    public ModelDescriptor Model => Baseline.Model;

    public IReadOnlyList<string> Regions => Baseline.Regions;

    /// <summary>The slots in the model's layout.</summary>
    public IReadOnlyList<double> Slots => _slots;

    public double this[string name]
    {
        get => _slots[Slot(name)];
        set => _slots[Slot(name)] = value;
    }

    public BaselineValues Clone() => new(Baseline, [.. _slots]);

    /// <summary>The slot of <c>name</c> or <c>name[REGION]</c>.</summary>
    public int Slot(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var info = Model.Find(open < 0 ? name : name[..open]) ?? throw new ArgumentException($"Model {Model.Name} has no parameter {name}.", nameof(name));
        if (open < 0)
        {
            return info.IsRegional ? throw new ArgumentException($"{name} is per-region.", nameof(name)) : info.Slot;
        }

        var region = Regions.ToList().IndexOf(name[(open + 1)..^1]);
        return region >= 0 && info.IsRegional ? ModelDescriptor.SlotOf(info, region) : throw new ArgumentException($"No region in {name}.", nameof(name));
    }
}
