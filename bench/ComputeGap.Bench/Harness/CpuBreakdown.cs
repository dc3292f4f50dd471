using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Bench.Reference;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- profile</c>: where one thread of the production cpu backend spends its time per group of
/// <see cref="Vector{T}.Count"/> scenarios, by timing its parts separately (the parts are copied
/// here from src/ComputeGap.Engine/Backends/CpuBackend.cs, since they are private there) next to
/// the hand-specialised reference on the same group.
/// </summary>
internal static class CpuBreakdown
{
    private const int Scenarios = 32_768;

    public static void Run(TextWriter output)
    {
        var plan = BenchSweeps.Default();
        var width = VectorLane.Width;
        var groups = Scenarios / width;
        var buffers = new ChunkBuffers(plan.OutcomeCount, Scenarios, 0);
        var broadcast = new VectorLane[ParamSlots.Count];
        for (var slot = 0; slot < broadcast.Length; slot++)
        {
            broadcast[slot] = VectorLane.Broadcast(plan.FixedSlots[slot]);
        }

        var memory = new VectorLane[ModelSlots.Count];
        Array.Copy(broadcast, memory, broadcast.Length);
        Decode(plan, 0, memory);
        var store = new CheckedStore(memory);
        var unchecked_ = new UncheckedStore(memory);
        var growth = memory[ParamSlots.Of(GlobalParam.SupplyGrowth)];
        var fixedParams = new FixedParams(plan.FixedSlots);
        var swept = new SweptLanes(
            new(fixedParams.ExportQuota), new(fixedParams.StockMonths), new(fixedParams.SupplyFactor), new(fixedParams.FactorEu), new(fixedParams.Leakage));
        var outcomes = new Vector<float>[plan.OutcomeCount];
        var shape = plan.Shape;

        using var cpu = new CpuBackend(maxThreads: 1);
        var reference = new SpecialisedModel(plan, maxThreads: 1);
        var parts = new (string Part, double Seconds)[]
        {
            ("cpu backend, whole chunk", Best(() => cpu.Compute(plan, 0, Scenarios, buffers))),
            ("  decode: AxisValue per lane per axis (2 long divisions each)", Best(() => Repeat(groups, g => Decode(plan, g * width, memory)))),
            ("  Array.Copy of the 122 broadcast parameter lanes", Best(() => Repeat(groups, _ => Array.Copy(broadcast, memory, broadcast.Length)))),
            ("  CapacityModel.Run, CpuStore (bounds-checked array)", Best(() => Repeat(groups, _ => RunModel(ref store, shape)))),
            ("  CapacityModel.Run, same store without bounds checks", Best(() => Repeat(groups, _ => RunModel(ref unchecked_, shape)))),
            ("    of which 9 VectorLane.Pow (scalar MathF.Pow per lane)", Best(() => Repeat(groups * 9, _ => VectorLane.Pow(growth, growth)))),
            ("    9 vectorised pows, Vector.Exp(y * Vector.Log(x))", Best(() => Repeat(groups * 9, _ => Vector.Exp(growth.Value * Vector.Log(growth.Value))))),
            ("reference, whole chunk", Best(() => reference.Compute(0, Scenarios, buffers))),
            ("  reference month loop alone", Best(() => Repeat(groups, _ => SpecialisedModel.Run(in fixedParams, in swept, shape.Months, outcomes)))),
        };

        var whole = parts[0].Seconds;
        output.WriteLine($"one thread, default sweep, {Scenarios:N0} scenarios = {groups:N0} groups of {width}; best of 5");
        var pad = parts.Max(p => p.Part.Length);
        output.WriteLine($"{"part".PadRight(pad)}  {"ns/group",9}  {"of cpu",7}");
        foreach (var (part, seconds) in parts)
        {
            var perGroup = seconds / groups * 1e9;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{part.PadRight(pad)}  {perGroup,9:F0}  {seconds / whole,7:P0}"));
        }
    }

    /// <summary>CpuBackend.ComputeGroup's decode: every lane of every axis through <see cref="SweepPlan.AxisValue"/>.</summary>
    private static void Decode(SweepPlan plan, int local, VectorLane[] memory)
    {
        Span<float> lanes = stackalloc float[VectorLane.Width];
        for (var a = 0; a < plan.AxisSlots.Length; a++)
        {
            for (var j = 0; j < lanes.Length; j++)
            {
                lanes[j] = plan.AxisValue(a, local + j);
            }

            memory[plan.AxisSlots[a]] = new VectorLane(new Vector<float>(lanes));
        }
    }

    private static void RunModel<TS>(ref TS store, in ModelShape shape)
        where TS : struct, ILaneStore<VectorLane>
    {
        var none = default(NoSeries<VectorLane>);
        CapacityModel.Run<VectorLane, Vector<int>, TS, NoSeries<VectorLane>>(store, shape, ref none);
    }

    private static void Repeat(int times, Action<int> body)
    {
        for (var i = 0; i < times; i++)
        {
            body(i);
        }
    }

    private static double Best(Action run)
    {
        run();
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>A store like the production CpuStore before its bounds checks were removed (it derives its own growth factors).</summary>
    private readonly struct CheckedStore(VectorLane[] lanes) : ILaneStore<VectorLane>
    {
        public static bool HasDerivedSlots => false;

        public VectorLane this[int slot]
        {
            get => lanes[slot];
            set => lanes[slot] = value;
        }

        public VectorLane this[int region, int slot]
        {
            get => lanes[slot + region];
            set => lanes[slot + region] = value;
        }
    }

    /// <summary>The same store with the array bounds checks removed.</summary>
    private readonly struct UncheckedStore(VectorLane[] lanes) : ILaneStore<VectorLane>
    {
        public static bool HasDerivedSlots => false;

        public VectorLane this[int slot]
        {
            get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lanes), slot);
            set => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lanes), slot) = value;
        }

        public VectorLane this[int region, int slot]
        {
            get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lanes), slot + region);
            set => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lanes), slot + region) = value;
        }
    }
}
