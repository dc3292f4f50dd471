namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Model v2's ageing rule applied to observed flows: each month a share h = 1/(6·L) of the first
/// stage moves to the second and the same share of the second retires, then the month's inflow
/// joins the first stage (docs/model-v2.md step 4 and 8). It turns Epoch's quarterly output into a
/// fleet by stage, as the model would hold it.
/// </summary>
public static class AgeingChain
{
    /// <summary>
    /// The fleet (young, old) after feeding <paramref name="quarterly"/> flows, each spread evenly over
    /// its three months, in order.
    /// </summary>
    public static (double Young, double Old) Run(IEnumerable<double> quarterly, double chipLifeYears)
    {
        var h = 1.0 / (6.0 * chipLifeYears);
        double young = 0, old = 0;
        foreach (var flow in quarterly)
        {
            for (var m = 0; m < 3; m++)
            {
                var moved = h * young;
                old = old + moved - (h * old);
                young = young - moved + (flow / 3);
            }
        }

        return (young, old);
    }
}
