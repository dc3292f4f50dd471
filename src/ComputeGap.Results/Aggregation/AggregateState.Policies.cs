namespace ComputeGap.Engine.Aggregation;

// Lever combinations compared on the same futures (aggregate runs in future order).
public sealed partial class AggregateState
{
    /// <summary>Set once scenarios without a policy comparison were added: the comparison would describe part of the futures.</summary>
    private bool _policiesIncomplete;

    /// <summary>
    /// The lever combinations compared on the same futures, when every chunk and state added kept them
    /// (an aggregate run of a sampled design with levers in future order); null otherwise.
    /// </summary>
    public PolicyState? Policies { get; private set; }

    /// <summary>Starts comparing the lever combinations on <paramref name="compared"/>, for chunks that come in future order with windows of <paramref name="window"/> futures.</summary>
    public void KeepPolicies(IReadOnlyList<string> compared, long window) => Policies ??= new PolicyState(Shape, compared, window);

    /// <summary>Takes in another state's comparison, or notes that its scenarios came without one.</summary>
    private void AddPolicies(PolicyState? other, bool hasScenarios, long before)
    {
        if (!hasScenarios && other is null)
        {
            return;
        }

        if (other is null || _policiesIncomplete || (Policies is null && before > 0) || (Policies is not null && !Policies.SameLayout(other)))
        {
            PoliciesGap ??= other is not null && Policies is not null
                ? $"parts that compared {string.Join(", ", Policies.Compared)} were merged with parts that compared {string.Join(", ", other.Compared)}"
                : null;
            _policiesIncomplete = true;
            Policies = null;
            return;
        }

        (Policies ??= new PolicyState(Shape, other.Compared)).Merge(other);
    }

    /// <summary>Why parts' comparisons could not be merged, when that is why <see cref="Policies"/> is null.</summary>
    public string? PoliciesGap { get; private set; }

    /// <summary>Restores the comparison (used by the reader).</summary>
    internal void SetPolicies(PolicyState policies) => Policies = policies;
}
