using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>Reports on the reporting thread (<see cref="Progress{T}"/> would post them elsewhere, later).</summary>
public sealed class InlineProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
{
    public void Report(SweepProgress value) => report(value);
}
