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

    delegate IReadOnlyList<(string CodeId, double Confidence)> Ranker(string text);

    /// <summary>An engine as the comparison builds it: from the coded passages it may learn from; its label threshold (null: top code only).</summary>
    sealed record Contender(
        string Name,
        Func<IReadOnlyList<LabelledExample>, Ranker> Build,
        double? Threshold,
        bool Calibrated = true
    );

    static List<Contender> Contenders(
        Codebook codebook,
        ISentenceEmbedder embedder,
        SuggestionOptions options,
        SemanticTuning? tuning
    ) =>
        [
            new(
                "semantic",
                train => new SemanticSuggestionEngine(codebook, embedder, train, options, tuning: tuning).Rank,
                options.LabelThreshold
            ),
            new(
                "lexical (before)",
                train => new LocalSuggestionEngine(codebook, train, options).Rank,
                options.AbstainBelow
            ),
            new("tf-idf", train => new TfIdfBaseline(codebook, train).Rank, null, false),
        ];

    public static IReadOnlyList<Row> Run(
        Codebook codebook,
        IReadOnlyList<LabelledExample> train,
        IReadOnlyList<LabelledExample> test,
        ISentenceEmbedder embedder,
        SuggestionOptions? options = null,
        SemanticTuning? tuning = null
    )
    {
        options ??= SuggestionOptions.Default;
        var passages = Passages(test);
        return Contenders(codebook, embedder, options, tuning)
            .Select(c => new Row(
                c.Name,
                Metrics(Predict(passages, c.Build([])), c),
                Metrics(Predict(passages, c.Build(train)), c)
            ))
            .ToList();
    }

    /// <summary>
    /// Zero-shot on every passage; few-shot by <paramref name="folds"/> folds of distinct passages (each fold coded from
    /// the others'), the folds' predictions pooled into one set of figures.
    /// </summary>
    public static IReadOnlyList<Row> CrossValidate(
        Codebook codebook,
        IReadOnlyList<LabelledExample> labelled,
        int folds,
        ISentenceEmbedder embedder,
        SuggestionOptions? options = null,
        SemanticTuning? tuning = null
    )
    {
        options ??= SuggestionOptions.Default;
        var passages = Passages(labelled);
        var fold = passages
            .Select((p, i) => (p.Text, i % folds))
            .ToDictionary(p => p.Text, p => p.Item2, StringComparer.Ordinal);
        return Contenders(codebook, embedder, options, tuning)
            .Select(c =>
            {
                var few = Enumerable
                    .Range(0, folds)
                    .SelectMany(f =>
                        Predict(
                            passages.Where(p => fold[p.Text] == f).ToList(),
                            c.Build(labelled.Where(l => fold[l.Text] != f).ToList())
                        )
                    )
                    .ToList();
                return new Row(c.Name, Metrics(Predict(passages, c.Build([])), c), Metrics(few, c));
            })
            .ToList();
    }

    /// <summary>Trained on the first n coded passages (taken round-robin across codes, as a study codes a mix) for each n.</summary>
    public static IReadOnlyList<CurvePoint> LearningCurve(
        Codebook codebook,
        IReadOnlyList<LabelledExample> train,
        IReadOnlyList<LabelledExample> test,
        ISentenceEmbedder embedder,
        IReadOnlyList<int> sizes,
        SuggestionOptions? options = null,
        SemanticTuning? tuning = null
    )
    {
        options ??= SuggestionOptions.Default;
        var interleaved = train
            .GroupBy(e => e.CodeId)
            .SelectMany(g => g.Select((e, i) => (e, i)))
            .OrderBy(p => p.i)
            .Select(p => p.e)
            .ToList();
        return sizes
            .Where(n => n <= interleaved.Count)
            .Select(n =>
            {
                var seen = interleaved.Take(n).ToList();
                return new CurvePoint(
                    n,
                    Measure(
                        test,
                        new SemanticSuggestionEngine(codebook, embedder, seen, options, tuning: tuning).Rank,
                        options.LabelThreshold
                    ),
                    Measure(test, new LocalSuggestionEngine(codebook, seen, options).Rank, options.AbstainBelow)
                );
            })
            .ToList();
    }

    public static RankingMetrics Measure(
        IReadOnlyList<LabelledExample> test,
        Func<string, IReadOnlyList<(string CodeId, double Confidence)>> rank,
        double? threshold,
        bool confidenceIsProbability = true
    ) => RankingMetrics.From(Predict(Passages(test), t => rank(t)), threshold, confidenceIsProbability);

    static RankingMetrics Metrics(
        List<(IReadOnlySet<string>, IReadOnlyList<(string, double)>)> predictions,
        Contender c
    ) => RankingMetrics.From(predictions, c.Threshold, c.Calibrated);

    /// <summary>A passage with several codes is one line per code: one passage, its codes the truth.</summary>
    static List<(string Text, IReadOnlySet<string> Truth)> Passages(IReadOnlyList<LabelledExample> set) =>
        set.GroupBy(t => t.Text, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlySet<string>)g.Select(t => t.CodeId).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    static List<(IReadOnlySet<string>, IReadOnlyList<(string, double)>)> Predict(
        IReadOnlyList<(string Text, IReadOnlySet<string> Truth)> passages,
        Ranker rank
    ) => passages.Select(p => (p.Truth, rank(p.Text))).ToList();
}
