using System.Numerics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// A worker's decoder of a sampled design's consecutive evaluations, giving the bits of
/// <see cref="DesignPoint.Value"/> for each, with the work consecutive evaluations share done once:
/// one Philox block per four parameters (Monte Carlo, Latin hypercube), Sobol points by Gray-code
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
        var evaluations = _header.Evaluations;
        for (var j = 0; j < count; j++)
        {
            switch ((DesignKind)_header.Kind)
            {
                case DesignKind.MonteCarlo:
                    MonteCarlo(evaluation, lanes, width, j);
                    break;
                case DesignKind.Lhs:
                    LatinHypercube(evaluation, lanes, width, j);
                    break;
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

    private void MonteCarlo(long e, float[] lanes, int width, int j)
    {
        for (var quad = 0; quad * 4 < _header.Dimensions; quad++)
        {
            var block = DesignPoint.MonteCarloBlock(_header, e, quad);
            for (var k = quad * 4; k < Math.Min(_header.Dimensions, (quad * 4) + 4); k++)
            {
                Put(lanes, width, j, k, DistributionTable.Quantile(_tables, k, Philox4x32.Unit(DesignPoint.Word(block, k))));
            }
        }
    }

    private void LatinHypercube(long e, float[] lanes, int width, int j)
    {
        for (var quad = 0; quad * 4 < _header.Dimensions; quad++)
        {
            var block = DesignPoint.JitterBlock(_header, e, quad);
            for (var k = quad * 4; k < Math.Min(_header.Dimensions, (quad * 4) + 4); k++)
            {
                var unit = _header.Samples < 2
                    ? DesignPoint.LatinHypercube(_header, _stratumSeeds[k], DesignPoint.Word(block, k), e)
                    : DesignPoint.LatinHypercube(_header, _stratumSeeds[k], _stratumMask, _stratumOffsets[k], DesignPoint.Word(block, k), e);
                Put(lanes, width, j, k, DistributionTable.Quantile(_tables, k, unit));
            }
        }
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
