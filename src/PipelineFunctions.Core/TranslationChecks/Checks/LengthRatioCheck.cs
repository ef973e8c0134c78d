namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A pair much longer or shorter than the pair's own typical ratio (robust z-score of the log ratio, by median and
/// MAD): a sentence dropped or added inside a turn. Short turns are skipped; their ratios say little.
/// </summary>
public sealed class LengthRatioCheck : ITranslationCheck
{
    const int MinimumWords = 6;
    const double Outlier = 3.5,
        Extreme = 6;

    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var pairs = pair
            .Matched.Where(p =>
                TranslationPair.Words(p.Source.Text) >= MinimumWords
                && TranslationPair.Words(p.Translation.Text) >= MinimumWords
            )
            .Select(p =>
                (p.Source, p.Translation, LogRatio: Math.Log((double)p.Translation.Text.Length / p.Source.Text.Length))
            )
            .ToList();
        if (pairs.Count < 4)
            yield break;
        var median = Median(pairs.Select(p => p.LogRatio));
        // 1.4826 × MAD estimates the standard deviation; a floor keeps a very regular pair from flagging trifles.
        var spread = Math.Max(1.4826 * Median(pairs.Select(p => Math.Abs(p.LogRatio - median))), 0.08);
        foreach (var (s, t, ratio) in pairs)
        {
            var z = (ratio - median) / spread;
            if (Math.Abs(z) < Outlier)
                continue;
            yield return new(
                FlagKinds.LengthRatio,
                Math.Abs(z) >= Extreme ? Severity.Medium : Severity.Low,
                s.Index,
                t.Index,
                $"The translation is {(z < 0 ? "much shorter" : "much longer")} than usual for this pair ({Math.Exp(ratio - median):0.00}× the typical length)."
            );
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
