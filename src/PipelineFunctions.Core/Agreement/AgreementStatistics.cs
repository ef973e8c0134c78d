namespace PipelineFunctions.Core.Agreement;

/// <summary>
/// Inter-coder agreement on nominal data: percentage agreement, Cohen's kappa (two coders) and Krippendorff's alpha
/// (any number of coders, missing values allowed), as in Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
/// </summary>
public static class AgreementStatistics
{
    /// <summary>Share of units both coders gave the same value.</summary>
    public static double PercentAgreement<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : notnull
    {
        Same(a, b);
        return a.Count == 0
            ? 1
            : a.Where((x, i) => EqualityComparer<T>.Default.Equals(x, b[i])).Count() / (double)a.Count;
    }

    /// <summary>Cohen's κ = (p_o − p_e) / (1 − p_e), chance from each coder's own marginals. 1 when both always agree on one value.</summary>
    public static double CohenKappa<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : notnull
    {
        Same(a, b);
        if (a.Count == 0)
            return 1;
        var observed = PercentAgreement(a, b);
        var expected = a.Concat(b)
            .Distinct()
            .Sum(v => a.Count(x => Eq(x, v)) / (double)a.Count * (b.Count(x => Eq(x, v)) / (double)b.Count));
        return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Krippendorff's α for nominal data: 1 − D_o / D_e from the coincidence matrix. <paramref name="units"/> holds, per
    /// unit, each coder's value or null where a coder gave none; units with fewer than two values are not pairable.
    /// </summary>
    public static double KrippendorffAlphaNominal<T>(IReadOnlyList<IReadOnlyList<T?>> units)
        where T : class
    {
        var coincidences = new Dictionary<(T, T), double>();
        foreach (var unit in units)
        {
            var values = unit.Where(v => v is not null).Select(v => v!).ToList();
            var m = values.Count;
            if (m < 2)
                continue;
            for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
                if (i != j)
                    coincidences[(values[i], values[j])] =
                        coincidences.GetValueOrDefault((values[i], values[j])) + 1.0 / (m - 1);
        }
        var n = coincidences.Values.Sum();
        if (n == 0)
            return 1;
        var marginals = coincidences.GroupBy(c => c.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        var disagreeObserved = coincidences.Where(c => !Eq(c.Key.Item1, c.Key.Item2)).Sum(c => c.Value);
        var disagreeExpected =
            marginals.Sum(a => marginals.Where(b => !Eq(a.Key, b.Key)).Sum(b => a.Value * b.Value)) / (n - 1);
        return disagreeExpected == 0 ? 1 : 1 - disagreeObserved / disagreeExpected;
    }

    static bool Eq<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);

    static void Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (a.Count != b.Count)
            throw new ArgumentException("Both coders must code the same units.");
    }
}
