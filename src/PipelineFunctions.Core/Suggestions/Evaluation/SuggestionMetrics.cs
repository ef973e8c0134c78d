namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>Top-1 and top-3 accuracy, and per code the precision and recall of the top suggestion.</summary>
/// <param name="MeanConfidence">The average confidence of the top suggestion: beside top-1 accuracy, a check on calibration.</param>
public sealed record SuggestionMetrics(
    double Top1,
    double Top3,
    IReadOnlyDictionary<string, (double Precision, double Recall)> PerCode,
    double? MeanConfidence = null
)
{
    public static SuggestionMetrics From(
        IReadOnlyList<(string Truth, IReadOnlyList<string> Ranked)> predictions,
        double? meanConfidence = null
    )
    {
        var codes = predictions.Select(p => p.Truth).Distinct().Order(StringComparer.Ordinal);
        var perCode = codes.ToDictionary(
            c => c,
            c =>
            {
                var predicted = predictions.Count(p => p.Ranked.FirstOrDefault() == c);
                var correct = predictions.Count(p => p.Ranked.FirstOrDefault() == c && p.Truth == c);
                var actual = predictions.Count(p => p.Truth == c);
                return (predicted == 0 ? 0 : (double)correct / predicted, actual == 0 ? 0 : (double)correct / actual);
            }
        );
        return new SuggestionMetrics(
            predictions.Count(p => p.Ranked.FirstOrDefault() == p.Truth) / (double)predictions.Count,
            predictions.Count(p => p.Ranked.Take(3).Contains(p.Truth)) / (double)predictions.Count,
            perCode,
            meanConfidence
        );
    }
}
