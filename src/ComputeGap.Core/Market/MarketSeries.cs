using ComputeGap.Core.Models;

namespace ComputeGap.Core.Market;

/// <summary>
/// What model v2 passes its month observer, by index: the series columns (every region's share, then
/// every region's installed H100e, then the price), then diagnostics the hindcast and baseline
/// commands read (<see cref="MarketDiagnostic"/>, then each region's space-bound flag).
/// </summary>
public static class MarketSeries
{
    /// <summary>The series columns written with <c>--series</c>.</summary>
    public static IReadOnlyList<SeriesColumn> Columns { get; } =
    [
        new("share", OutcomeKind.Fraction, PerRegion: true),
        new("installed", OutcomeKind.H100e, PerRegion: true),
        new("price", OutcomeKind.Dollars, PerRegion: false),
    ];

    /// <summary>Index of region r's share.</summary>
    public static int Share(int region) => region;

    /// <summary>Index of region r's installed H100e.</summary>
    public static int Installed(int region, int regions) => regions + region;

    /// <summary>Index of the price.</summary>
    public static int Price(int regions) => 2 * regions;

    /// <summary>Index of a diagnostic.</summary>
    public static int Of(MarketDiagnostic diagnostic, int regions) => (2 * regions) + 1 + (int)diagnostic;

    /// <summary>Index of region r's space-bound flag (1 when powered space, not budget, limits its orders).</summary>
    public static int SpaceBound(int region, int regions) => Of(MarketDiagnostic.Rent, regions) + 1 + region;

    /// <summary>Every index the model reports for <paramref name="regions"/> regions.</summary>
    public static int Width(int regions) => SpaceBound(regions, regions);
}

/// <summary>Month values of model v2 beyond its series columns.</summary>
public enum MarketDiagnostic
{
    /// <summary>US-designed output S, H100e.</summary>
    Output,

    /// <summary>US-designed output sold, Σa, H100e.</summary>
    Sold,

    /// <summary>Eligible orders E, H100e.</summary>
    Eligible,

    /// <summary>Eligible orders left unfilled this month, H100e.</summary>
    Rationed,

    /// <summary>US-designed output unsold this month, H100e.</summary>
    Unsold,

    /// <summary>China's domestic output, chips.</summary>
    DomesticChips,

    /// <summary>China's domestic output D, H100e.</summary>
    Domestic,

    /// <summary>Domestic chips held by the domestic-supply regions, H100e.</summary>
    DomesticStock,

    /// <summary>Smuggled chips held by embargoed regions, H100e.</summary>
    SmuggledStock,

    /// <summary>Markup over the floor for next month.</summary>
    Markup,

    /// <summary>Share of rare-earth need met.</summary>
    ReeRatio,

    /// <summary>China's wafer limit W, chips/month.</summary>
    WaferLimit,

    /// <summary>China's HBM limit M, chips/month.</summary>
    HbmLimit,

    /// <summary>Legal US-designed chips delivered to embargoed regions this month (downgraded), H100e.</summary>
    LegalToEmbargoed,

    /// <summary>Smuggled chips delivered to embargoed regions this month, H100e.</summary>
    SmuggledToEmbargoed,

    /// <summary>Domestic chips delivered to the domestic-supply regions this month, H100e.</summary>
    DomesticToHome,

    /// <summary>Rent paid this month, $.</summary>
    Rent,
}
