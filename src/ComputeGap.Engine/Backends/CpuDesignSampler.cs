using System.Numerics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// A worker's decoder of a sampled design's consecutive evaluations, giving the bits of
/// <see cref="DesignPoint.Value"/> for each, with the work consecutive evaluations share done once:
/// Monte Carlo and Latin hypercube runs decoded a whole call's evaluations at once in vector lanes
/// (Philox blocks, Kensler permutations, strata divisions, uniform quantiles), Sobol points by Gray-code
/// steps (one XOR per parameter), a Saltelli base sample's A and B points once for its whole group,
/// a Morris trajectory's grid points and order once for its d + 1 steps. Each value's derived
/// constant (<see cref="Transforms"/>), when its parameter has one, comes with it, cached alike.
/// Not thread-safe: one per worker.
/// </summary>
public sealed class CpuDesignSampler
{
    private readonly SampledDesign _design;
    private readonly DesignHeader _header;
    private readonly HostDesignTables _tables;
    private readonly uint[] _stratumSeeds;
    private readonly uint[] _stratumOffsets;
    private readonly uint _stratumMask;
    private readonly uint[] _sobolBits;
    private readonly Transform?[] _transforms;
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly float[] _lowDerived;
    private readonly float[] _highDerived;
    private readonly int[] _position;
    private long _cached = -1;
    private uint[] _counterLow = [];
    private uint[] _counterHigh = [];
    private uint[] _words = [];
    private uint[] _strata = [];

    /// <summary>A sampler of <paramref name="design"/> with nothing cached.</summary>
    /// <param name="design">The design.</param>
    /// <param name="transforms">Per uncertain parameter, the function of its derived slot, or null (none when omitted).</param>
    public CpuDesignSampler(SampledDesign design, IReadOnlyList<Transform?>? transforms = null)
    {
        _design = design;
        _header = design.Header;
        _tables = design.Tables;
        var d = _header.Dimensions;
        _stratumSeeds = new uint[d];
        _stratumOffsets = new uint[d];
        var samples = (uint)Math.Max(_header.Samples, 2);
        _stratumMask = Permutation.Mask(samples);
        for (var k = 0; k < d; k++)
        {
            _stratumSeeds[k] = DesignPoint.Word(DesignPoint.StratumSeedBlock(_header, k >> 2), k);
            _stratumOffsets[k] = _stratumSeeds[k] % samples;
        }

        _sobolBits = new uint[d];
        _transforms = transforms is null ? new Transform?[d] : [.. transforms];
        _low = new float[d];
        _high = new float[d];
        _lowDerived = new float[d];
        _highDerived = new float[d];
        _position = new int[d];
    }

    /// <summary>
    /// Parameter k's values of evaluations <paramref name="evaluation"/> … + <paramref name="count"/> − 1
    /// (wrapping at the ensemble's end) into <paramref name="lanes"/>[k · <paramref name="width"/> + j], and
    /// their derived constants into <paramref name="derived"/> at the same places (for parameters with one).
    /// </summary>
    public void Fill(long evaluation, int count, float[] lanes, int width, float[]? derived = null)
    {
        _derivedOut = derived;
        if ((DesignKind)_header.Kind is DesignKind.MonteCarlo or DesignKind.Lhs)
        {
            Random(evaluation, count, lanes, width);
            return;
        }

        var evaluations = _header.Evaluations;
        for (var j = 0; j < count; j++)
        {
            switch ((DesignKind)_header.Kind)
            {
                case DesignKind.Sobol:
                    Sobol(evaluation, lanes, width, j);
                    break;
                case DesignKind.Saltelli:
                    Saltelli(evaluation, lanes, width, j);
                    break;
                default:
                    Morris(evaluation, lanes, width, j);
                    break;
            }

            evaluation = evaluation + 1 == evaluations ? 0 : evaluation + 1;
        }
    }

    private float[]? _derivedOut;

    /// <summary>Writes value <paramref name="value"/> of parameter <paramref name="k"/> at lane <paramref name="j"/>, and its derived constant.</summary>
    private void Put(float[] lanes, int width, int j, int k, float value)
    {
        var at = (k * width) + j;
        lanes[at] = value;
        if (_derivedOut is not null && _transforms[k] is { } transform)
        {
            _derivedOut[at] = Transforms.Apply(transform, value);
        }
    }

    /// <summary>Writes a cached value and its cached derived constant.</summary>
    private void PutCached(float[] lanes, int width, int j, int k, bool high)
    {
        var at = (k * width) + j;
        lanes[at] = high ? _high[k] : _low[k];
        if (_derivedOut is not null && _transforms[k] is not null)
        {
            _derivedOut[at] = high ? _highDerived[k] : _lowDerived[k];
        }
    }

    /// <summary>Caches parameter <paramref name="k"/>'s two values and their derived constants.</summary>
    private void Cache(int k, float low, float high)
    {
        _low[k] = low;
        _high[k] = high;
        if (_transforms[k] is { } transform)
        {
            _lowDerived[k] = Transforms.Apply(transform, low);
            _highDerived[k] = Transforms.Apply(transform, high);
        }
    }

    /// <summary>
    /// Monte Carlo and the Latin hypercube for the whole run at once, each step over all its lanes in
    /// vector lanes: one Philox block per four parameters and lane, then per parameter the strata
    /// (Latin hypercube), the unit values, the quantiles and the derived constants.
    /// </summary>
    private void Random(long evaluation, int count, float[] lanes, int width)
    {
        if (_counterLow.Length < count)
        {
            _counterLow = new uint[count];
            _counterHigh = new uint[count];
            _words = new uint[4 * count];
            _strata = new uint[count];
        }

        var low = _counterLow.AsSpan(0, count);
        var high = _counterHigh.AsSpan(0, count);
        var evaluations = _header.Evaluations;
        for (var j = 0; j < count; j++)
        {
            low[j] = (uint)evaluation;
            high[j] = (uint)(evaluation >> 32);
            evaluation = evaluation + 1 == evaluations ? 0 : evaluation + 1;
        }

        var lhs = _header.Kind == (int)DesignKind.Lhs;
        var d = _header.Dimensions;
        var words = _words.AsSpan(0, 4 * count);
        for (var quad = 0; quad * 4 < d; quad++)
        {
            Span<uint> x0 = words[..count], x1 = words[count..(2 * count)], x2 = words[(2 * count)..(3 * count)], x3 = words[(3 * count)..];
            if (lhs)
            {
                DesignPoint.JitterBlocks(_header, low, high, quad, x0, x1, x2, x3);
            }
            else
            {
                DesignPoint.MonteCarloBlocks(_header, low, high, quad, x0, x1, x2, x3);
            }

            for (var k = quad * 4; k < Math.Min(d, (quad * 4) + 4); k++)
            {
                var word = words.Slice((k & 3) * count, count);
                var values = lanes.AsSpan(k * width, count);
                if (lhs)
                {
                    var strata = Strata(k, low);
                    DesignPoint.StratumUnits(_header.Samples, strata, word, values);
                }
                else
                {
                    UnitIntervalVector.Open(word, values);
                }

                DistributionTable.Quantiles(_tables, k, values);
                if (_derivedOut is not null && _transforms[k] is { } transform)
                {
                    var derived = _derivedOut.AsSpan(k * width, count);
                    for (var j = 0; j < count; j++)
                    {
                        derived[j] = Transforms.Apply(transform, values[j]);
                    }
                }
            }
        }
    }

    /// <summary>Parameter <paramref name="k"/>'s Latin hypercube stratum of each evaluation whose low word is in <paramref name="low"/>.</summary>
    private Span<uint> Strata(int k, ReadOnlySpan<uint> low)
    {
        var strata = _strata.AsSpan(0, low.Length);
        var samples = (uint)_header.Samples;
        if (_header.Samples < 2)
        {
            for (var j = 0; j < low.Length; j++)
            {
                strata[j] = Permutation.Index(low[j], samples, _stratumSeeds[k]);
            }
        }
        else
        {
            PermutationVector.Indices(low, samples, _stratumSeeds[k], _stratumMask, _stratumOffsets[k], strata);
        }

        return strata;
    }

    /// <summary>Point e's bits from point e − 1's by one Gray-code step (g(e) ⊕ g(e − 1) = 2^tz(e)), else afresh.</summary>
    private void Sobol(long e, float[] lanes, int width, int j)
    {
        var index = (uint)e;
        var step = e == _cached + 1 && index != 0;
        for (var k = 0; k < _header.Dimensions; k++)
        {
            _sobolBits[k] = step
                ? _sobolBits[k] ^ _design.Directions[(k * SobolDirections.BitsPerDimension) + BitOperations.TrailingZeroCount(index)]
                : Core.Sampling.Sobol.Bits(_tables, k, index, _tables.Shift(k));
            Put(lanes, width, j, k, DistributionTable.Quantile(_tables, k, Philox4x32.Unit(_sobolBits[k])));
        }

        _cached = e;
    }

    private void Saltelli(long e, float[] lanes, int width, int j)
    {
        var d = _header.Dimensions;
        var sample = e / _header.Group;
        var row = (int)(e - (sample * _header.Group));
        if (sample != _cached)
        {
            for (var k = 0; k < d; k++)
            {
                Cache(
                    k,
                    DistributionTable.Quantile(_tables, k, DesignPoint.SaltelliBaseUnit(_header, _tables, (uint)sample, k, fromB: false)),
                    DistributionTable.Quantile(_tables, k, DesignPoint.SaltelliBaseUnit(_header, _tables, (uint)sample, k, fromB: true)));
            }

            _cached = sample;
        }

        for (var k = 0; k < d; k++)
        {
            PutCached(lanes, width, j, k, DesignPoint.SaltelliFromB(d, _header.Group, row, k));
        }
    }

    /// <summary>A trajectory's values before and after each parameter moves, and when it moves, decoded once.</summary>
    private void Morris(long e, float[] lanes, int width, int j)
    {
        var d = _header.Dimensions;
        var trajectory = e / (d + 1);
        var step = (int)(e - (trajectory * (d + 1)));
        if (trajectory != _cached)
        {
            var orderSeed = DesignPoint.MorrisOrderSeed(_header, trajectory);
            for (var k = 0; k < d; k++)
            {
                Cache(
                    k,
                    DistributionTable.Quantile(_tables, k, DesignPoint.MorrisLevel(_header, trajectory, k, moved: false)),
                    DistributionTable.Quantile(_tables, k, DesignPoint.MorrisLevel(_header, trajectory, k, moved: true)));
                _position[k] = DesignPoint.MorrisPosition(_header, orderSeed, k);
            }

            _cached = trajectory;
        }

        for (var k = 0; k < d; k++)
        {
            PutCached(lanes, width, j, k, _position[k] < step);
        }
    }
}
