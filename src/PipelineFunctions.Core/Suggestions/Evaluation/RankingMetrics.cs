using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>
/// Top-1 and top-3 accuracy of a ranking, micro-F1 of the codes it would apply (multi-label: every code at or above
/// the engine's threshold; the truth may be several codes), the mean top confidence beside top-1 as a check on
/// calibration, and per code the same figures with the engine's Cohen's κ against the labels (the engine as a
/// third coder: each passage has the code or not). <see cref="Kappa"/> is the mean of the codes' κ.
/// </summary>
public sealed record RankingMetrics(
    int Passages,
    double Top1,
    double Top3,
    double MicroF1,
    double? MeanConfidence,
    double Kappa = 0,
    IReadOnlyList<CodeMetrics>? PerCode = null
)
{
    /// <param name="threshold">Codes at or above it apply; null: only the top code applies (an engine with no calibrated confidence).</param>
    public static RankingMetrics From(
        IReadOnlyList<(
            IReadOnlySet<string> Truth,
            IReadOnlyList<(string CodeId, double Confidence)> Ranked
        )> predictions,
        double? threshold,
        bool confidenceIsProbability = true
    )
    {
        if (predictions.Count == 0)
            return new RankingMetrics(0, 0, 0, 0, null, 0, []);
        var applied = predictions
            .Select(p =>
                threshold is { } t
                    ? p.Ranked.Where(r => r.Confidence >= t).Select(r => r.CodeId).ToHashSet(StringComparer.Ordinal)
                    : p.Ranked.Take(1).Select(r => r.CodeId).ToHashSet(StringComparer.Ordinal)
            )
            .ToList();
        int tp = 0,
            fp = 0,
            fn = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var truth = predictions[i].Truth;
            tp += applied[i].Count(truth.Contains);
            fp += applied[i].Count(c => !truth.Contains(c));
            fn += truth.Count(c => !applied[i].Contains(c));
        }
        var codes = predictions
            .SelectMany(p => p.Truth)
            .Concat(applied.SelectMany(a => a))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var perCode = codes.Select(c => CodeMetrics.For(c, predictions, applied)).ToList();
        return new RankingMetrics(
            predictions.Count,
            predictions.Count(p => IsTop(p, 1)) / (double)predictions.Count,
            predictions.Count(p => IsTop(p, 3)) / (double)predictions.Count,
            F1(tp, fp, fn),
            confidenceIsProbability ? predictions.Average(p => p.Ranked.Count > 0 ? p.Ranked[0].Confidence : 0) : null,
            perCode.Count == 0 ? 0 : perCode.Average(c => c.Kappa),
            perCode
        );
    }

    static bool IsTop(
        (IReadOnlySet<string> Truth, IReadOnlyList<(string CodeId, double Confidence)> Ranked) p,
        int n
    ) => p.Ranked.Take(n).Any(r => p.Truth.Contains(r.CodeId));

    internal static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}

/// <summary>One code's figures: of the passages labelled with it, the share ranking it first and in the top 3; F1 and κ of applying it.</summary>
public sealed record CodeMetrics(string CodeId, int Labelled, double Top1, double Top3, double F1, double Kappa)
{
    internal static CodeMetrics For(
        string code,
        IReadOnlyList<(
            IReadOnlySet<string> Truth,
            IReadOnlyList<(string CodeId, double Confidence)> Ranked
        )> predictions,
        IReadOnlyList<HashSet<string>> applied
    )
    {
        var truth = predictions.Select(p => p.Truth.Contains(code)).ToList();
        var engine = applied.Select(a => a.Contains(code)).ToList();
        var labelled = predictions.Where(p => p.Truth.Contains(code)).ToList();
        double Share(int n) =>
            labelled.Count == 0
                ? 0
                : labelled.Count(p => p.Ranked.Take(n).Any(r => r.CodeId == code)) / (double)labelled.Count;
        var tp = truth.Where((t, i) => t && engine[i]).Count();
        var fp = truth.Where((t, i) => !t && engine[i]).Count();
        var fn = truth.Where((t, i) => t && !engine[i]).Count();
        return new CodeMetrics(
            code,
            labelled.Count,
            Share(1),
            Share(3),
            RankingMetrics.F1(tp, fp, fn),
            AgreementStatistics.CohenKappa(truth, engine)
        );
    }
}
