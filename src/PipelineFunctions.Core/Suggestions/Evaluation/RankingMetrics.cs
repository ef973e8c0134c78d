namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>
/// Top-1 and top-3 accuracy of a ranking, micro-F1 of the codes it would apply (multi-label: every code at or above
/// the engine's threshold; the truth may be several codes), and the mean top confidence beside top-1 as a check
/// on calibration.
/// </summary>
public sealed record RankingMetrics(int Passages, double Top1, double Top3, double MicroF1, double? MeanConfidence)
{
    /// <param name="threshold">Codes at or above it apply; null: only the top code applies (an engine with no calibrated confidence).</param>
    public static RankingMetrics From(IReadOnlyList<(IReadOnlySet<string> Truth, IReadOnlyList<(string CodeId, double Confidence)> Ranked)> predictions,
        double? threshold, bool confidenceIsProbability = true)
    {
        if (predictions.Count == 0) return new RankingMetrics(0, 0, 0, 0, null);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (truth, ranked) in predictions)
        {
            var applied = threshold is { } t ? ranked.Where(r => r.Confidence >= t).Select(r => r.CodeId).ToHashSet() : ranked.Take(1).Select(r => r.CodeId).ToHashSet();
            tp += applied.Count(truth.Contains);
            fp += applied.Count(c => !truth.Contains(c));
            fn += truth.Count(c => !applied.Contains(c));
        }
        return new RankingMetrics(predictions.Count,
            predictions.Count(p => p.Ranked.Count > 0 && p.Truth.Contains(p.Ranked[0].CodeId)) / (double)predictions.Count,
            predictions.Count(p => p.Ranked.Take(3).Any(r => p.Truth.Contains(r.CodeId))) / (double)predictions.Count,
            tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn),
            confidenceIsProbability ? predictions.Average(p => p.Ranked.Count > 0 ? p.Ranked[0].Confidence : 0) : null);
    }

    /// <summary>Folds' figures as one, each weighted by its passages (micro-F1 so only approximately).</summary>
    public static RankingMetrics Pooled(IReadOnlyList<RankingMetrics> folds)
    {
        var n = folds.Sum(f => f.Passages);
        double Mean(Func<RankingMetrics, double> value) => n == 0 ? 0 : folds.Sum(f => value(f) * f.Passages) / n;
        return new RankingMetrics(n, Mean(f => f.Top1), Mean(f => f.Top3), Mean(f => f.MicroF1),
            folds.All(f => f.MeanConfidence is not null) ? Mean(f => f.MeanConfidence ?? 0) : null);
    }
}
