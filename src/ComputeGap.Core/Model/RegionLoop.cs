using System.Runtime.CompilerServices;

namespace ComputeGap.Core.Model;

/// <summary>One region's step of a month's pass over the regions.</summary>
public interface IRegionPass
{
    void Visit(int region);
}

/// <summary>Runs a pass over the regions, region 0 first.</summary>
/// <remarks>
/// Tried and measured slower: writing the calls out per region with the region count as a type
/// parameter. The JIT then meets its inlining budget inside the month (every lane operation is an
/// inlined call) and leaves operators as calls; compiling each pass on its own instead costs a
/// copy of the pass per call and stalls on store forwarding. The loop with the region's slots at
/// constant offsets from one base address (see <see cref="Lanes.ILaneStore{TLane}"/>) is the fastest form found.
/// </remarks>
public static class RegionLoop
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Each<TP>(ref TP pass, int regions)
        where TP : struct, IRegionPass
    {
        for (var r = 0; r < regions; r++)
        {
            pass.Visit(r);
        }
    }
}
