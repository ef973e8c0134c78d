using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>
/// The engine and the tf-idf baseline on the same labelled passages in one run: zero-shot on all of them, and
/// few-shot by k-fold cross-validation (each fold coded from the others' examples plus any given ones).
/// </summary>
public static class SuggestionEvaluation
{
    public sealed record Result(
        SuggestionMetrics EngineZeroShot,
        SuggestionMetrics BaselineZeroShot,
        SuggestionMetrics EngineFewShot,
        SuggestionMetrics BaselineFewShot
    );

    public static Result Run(
        Codebook codebook,
        IReadOnlyList<LabelledExample> labelled,
        IReadOnlyList<LabelledExample> examples,
        int folds
    )
    {
        var engine = new LocalSuggestionEngine(codebook, examples);
        var baseline = new TfIdfBaseline(codebook, []);
        var zeroRanks = labelled.Select(l => (l.CodeId, Ranks: engine.Rank(l.Text))).ToList();
        var engineZero = zeroRanks.Select(r => (r.CodeId, Ranked(r.Ranks.Select(x => x.CodeId)))).ToList();
        var baselineZero = labelled
            .Select(l => (l.CodeId, Ranked(baseline.Rank(l.Text).Select(r => r.CodeId))))
            .ToList();

        var engineFew = new List<(string, IReadOnlyList<string>)>();
        var fewConfidence = new List<double>();
        var baselineFew = new List<(string, IReadOnlyList<string>)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var test = labelled.Where((_, i) => i % folds == fold).ToList();
            var train = labelled.Where((_, i) => i % folds != fold).Concat(examples).ToList();
            var foldEngine = new LocalSuggestionEngine(codebook, train);
            var foldBaseline = new TfIdfBaseline(codebook, train);
            foreach (var l in test)
            {
                var ranks = foldEngine.Rank(l.Text);
                engineFew.Add((l.CodeId, Ranked(ranks.Select(r => r.CodeId))));
                fewConfidence.Add(ranks.FirstOrDefault().Confidence);
            }
            baselineFew.AddRange(test.Select(l => (l.CodeId, Ranked(foldBaseline.Rank(l.Text).Select(r => r.CodeId)))));
        }
        return new Result(
            SuggestionMetrics.From(engineZero, zeroRanks.Average(r => r.Ranks.FirstOrDefault().Confidence)),
            SuggestionMetrics.From(baselineZero),
            SuggestionMetrics.From(engineFew, fewConfidence.Average()),
            SuggestionMetrics.From(baselineFew)
        );
    }

    static IReadOnlyList<string> Ranked(IEnumerable<string> codes) => codes.ToList();
}
