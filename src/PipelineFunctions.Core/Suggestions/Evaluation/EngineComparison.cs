using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>
/// The semantic engine, the lexical engine and the tf-idf baseline side by side on one test set: zero-shot (the
/// codebook only) and few-shot (trained on the study's coded passages, never on the test passages), and the
/// semantic engine's learning curve as coded passages accumulate.
/// </summary>
public static class EngineComparison
{
    public sealed record Row(string Engine, RankingMetrics ZeroShot, RankingMetrics FewShot);

    public sealed record CurvePoint(int Coded, RankingMetrics Semantic, RankingMetrics Lexical);

    public static IReadOnlyList<Row> Run(Codebook codebook, IReadOnlyList<LabelledExample> train, IReadOnlyList<LabelledExample> test,
        ISentenceEmbedder embedder, SuggestionOptions? options = null, SemanticTuning? tuning = null)
    {
        options ??= SuggestionOptions.Default;
        var semanticZero = new SemanticSuggestionEngine(codebook, embedder, [], options, tuning: tuning);
        var semanticFew = new SemanticSuggestionEngine(codebook, embedder, train, options, tuning: tuning);
        var lexicalZero = new LocalSuggestionEngine(codebook, [], options);
        var lexicalFew = new LocalSuggestionEngine(codebook, train, options);
        var tfIdfZero = new TfIdfBaseline(codebook, []);
        var tfIdfFew = new TfIdfBaseline(codebook, train);
        return
        [
            new Row("semantic", Measure(test, semanticZero.Rank, options.LabelThreshold), Measure(test, semanticFew.Rank, options.LabelThreshold)),
            new Row("lexical (before)", Measure(test, lexicalZero.Rank, options.AbstainBelow), Measure(test, lexicalFew.Rank, options.AbstainBelow)),
            new Row("tf-idf", Measure(test, tfIdfZero.Rank, null, false), Measure(test, tfIdfFew.Rank, null, false)),
        ];
    }

    /// <summary>Trained on the first n coded passages (taken round-robin across codes, as a study codes a mix) for each n.</summary>
    public static IReadOnlyList<CurvePoint> LearningCurve(Codebook codebook, IReadOnlyList<LabelledExample> train, IReadOnlyList<LabelledExample> test,
        ISentenceEmbedder embedder, IReadOnlyList<int> sizes, SuggestionOptions? options = null)
    {
        options ??= SuggestionOptions.Default;
        var interleaved = train.GroupBy(e => e.CodeId).SelectMany(g => g.Select((e, i) => (e, i))).OrderBy(p => p.i).Select(p => p.e).ToList();
        return sizes.Where(n => n <= interleaved.Count).Select(n =>
        {
            var seen = interleaved.Take(n).ToList();
            return new CurvePoint(n, Measure(test, new SemanticSuggestionEngine(codebook, embedder, seen, options).Rank, options.LabelThreshold),
                Measure(test, new LocalSuggestionEngine(codebook, seen, options).Rank, options.AbstainBelow));
        }).ToList();
    }

    public static RankingMetrics Measure(IReadOnlyList<LabelledExample> test, Func<string, IReadOnlyList<(string CodeId, double Confidence)>> rank,
        double? threshold, bool confidenceIsProbability = true) =>
        RankingMetrics.From(test.GroupBy(t => t.Text).Select(g => ((IReadOnlySet<string>)g.Select(t => t.CodeId).ToHashSet(), rank(g.Key))).ToList(),
            threshold, confidenceIsProbability);
}
