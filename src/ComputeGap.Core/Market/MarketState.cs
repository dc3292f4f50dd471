namespace ComputeGap.Core.Market;

/// <summary>Model v2's scalar state carried from month to month (one value per lane).</summary>
internal struct MarketState<TL>
    where TL : struct
{
    /// <summary>US-designed capacity C, H100e/month.</summary>
    public TL Capacity;

    /// <summary>China's wafer limit W and HBM limit M, chips/month.</summary>
    public TL Wafer;
    public TL Hbm;

    /// <summary>Global usage demand Dm, H100e.</summary>
    public TL Demand;

    /// <summary>δ = d^t, the halving of every rate since t = 0: each grows at its t = 0 rate times δ.</summary>
    public TL Decay;

    /// <summary>Markup m, floor F ($) and efficiency e (H100e per MW of this month's chips).</summary>
    public TL Markup;
    public TL Floor;
    public TL Efficiency;

    /// <summary>Growth of non-Chinese rare-earth processing since t = 0 (A).</summary>
    public TL AltTrend;

    /// <summary>Rare-earth stock, H100e of output it supports.</summary>
    public TL Stock;

    /// <summary>Last month's rent, $.</summary>
    public TL Rent;

    /// <summary>Domestic chips in domestic-supply regions and smuggled chips in embargoed regions, by ageing stage, H100e.</summary>
    public TL DomesticYoung;
    public TL DomesticOld;
    public TL SmuggledYoung;
    public TL SmuggledOld;

    /// <summary>Accumulators: output lost to rare earths, unsold output, rationed orders (H100e), price sum ($).</summary>
    public TL Lost;
    public TL Unsold;
    public TL Rationed;
    public TL PriceSum;

    /// <summary>This month's price, $ (the last month's after the loop).</summary>
    public TL Price;

    public TL FocusShareMin;

    /// <summary>First month the focus share reached its target, −1 while never.</summary>
    public TL FocusTargetMonth;

    /// <summary>First month rare earths ran short, −1 while never.</summary>
    public TL DepletionMonth;

    /// <summary>Constant: h = 1/(6·L), the monthly rate at which each ageing stage moves on.</summary>
    public TL Ageing;

    /// <summary>Constant: 1/τ.</summary>
    public TL InverseLag;

    /// <summary>Constant: 1/(12·L), the rent of a H100e a month as a share of its price.</summary>
    public TL RentFactor;
}
