namespace ComputeGap.Core.Model;

/// <summary>The model's scalar state carried from month to month (one value per lane).</summary>
internal struct MonthState<TL>
    where TL : struct
{
    /// <summary><c>G(supply0, supply_growth)</c> at the current month, H100e/month.</summary>
    public TL Supply;

    /// <summary><c>G(domestic_supply0, domestic_supply_growth)</c>, H100e/month.</summary>
    public TL Domestic;

    /// <summary><c>G(demand0, demand_growth)</c>, H100e.</summary>
    public TL Demand;

    /// <summary><c>(1 + ree_alt_growth)^(t/12)</c>.</summary>
    public TL AltTrend;

    /// <summary>REE inventory, months of normal use.</summary>
    public TL Stock;

    /// <summary>Cumulative output lost to REE shortfall, H100e.</summary>
    public TL Lost;

    /// <summary>Cumulative output that found no eligible order, H100e.</summary>
    public TL Slack;

    public TL FocusShareMin;

    /// <summary>First month the focus share reached its target, −1 while never.</summary>
    public TL FocusTargetMonth;

    /// <summary>First month REE ran short, −1 while never.</summary>
    public TL DepletionMonth;

    /// <summary>Per-scenario constant: share of installed compute kept each month, 1 − 1/(12·chip_life_years).</summary>
    public TL Kept;

    /// <summary>Per-scenario constant: 1/order_lag_months.</summary>
    public TL InverseLag;
}

/// <summary>E = Σe over the regions in step 7, and its parts under and outside the tier-2 caps.</summary>
internal struct EligibleTotals<TL>
    where TL : struct
{
    /// <summary>E (after <see cref="CapacityModel"/>'s step 7b, E with the cap applied).</summary>
    public TL All;

    /// <summary>X = Σ tier2_fraction·e.</summary>
    public TL Tier2;

    /// <summary>Σ (1 − tier2_fraction)·e.</summary>
    public TL Untiered;
}

/// <summary>Step 7b's outcome: whether the cap binds, and tier2_cap/X.</summary>
internal struct Tier2Scale<TL, TM>
    where TL : struct
    where TM : struct
{
    public TM Capped;

    public TL Scale;
}
