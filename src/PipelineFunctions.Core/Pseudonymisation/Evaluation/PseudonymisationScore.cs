namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>
/// Recall per category (an identifier counts as caught when detections cover all of it) and over-redaction: the
/// share of ordinary words (outside every labelled identifier) that a detection covered.
/// </summary>
public sealed record PseudonymisationScore(
    IReadOnlyDictionary<string, (int Caught, int Total)> ByCategory,
    int OrdinaryWords,
    int OrdinaryReplaced
)
{
    public double Recall(string category) =>
        ByCategory.TryGetValue(category, out var c) && c.Total > 0 ? (double)c.Caught / c.Total : 1;

    public double OverallRecall
    {
        get
        {
            var real = ByCategory.Where(c => c.Key != "not-an-id").ToList();
            return (double)real.Sum(c => c.Value.Caught) / Math.Max(1, real.Sum(c => c.Value.Total));
        }
    }

    public double OverRedaction => (double)OrdinaryReplaced / Math.Max(1, OrdinaryWords);

    public static PseudonymisationScore Measure(
        IEnumerable<LabelledText> corpus,
        Func<string, IReadOnlyList<Detection>> detect
    )
    {
        var byCategory = new Dictionary<string, (int Caught, int Total)>();
        int ordinary = 0,
            replaced = 0;
        foreach (var item in corpus)
        {
            var detections = detect(item.Text);
            bool Covered(int start, int end) =>
                Enumerable
                    .Range(start, end - start)
                    .All(i => char.IsWhiteSpace(item.Text[i]) || detections.Any(d => d.Start <= i && i < d.End));
            foreach (var span in item.Spans)
            {
                var (caught, total) = byCategory.GetValueOrDefault(span.Category);
                byCategory[span.Category] = (
                    caught + (Covered(span.Start, span.Start + span.Length) ? 1 : 0),
                    total + 1
                );
            }
            foreach (var token in Tokens.Of(item.Text))
            {
                if (
                    item.Spans.Any(s =>
                        token.Start < s.Start + s.Length && s.Start < token.End && s.Category != "not-an-id"
                    )
                )
                    continue;
                ordinary++;
                if (detections.Any(d => token.Start < d.End && d.Start < token.End))
                    replaced++;
            }
        }
        return new PseudonymisationScore(byCategory, ordinary, replaced);
    }
}
