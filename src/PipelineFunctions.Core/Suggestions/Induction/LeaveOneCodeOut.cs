using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Induction;

/// <summary>
/// How well <see cref="CodeProposals"/> finds a code the codebook lacks: each leaf code is removed in turn and the
/// labelled passages proposed on the rest; the candidate holding most of the removed code's passages is its match.
/// Recall: the share of the code's passages in that candidate (0 where none holds any); purity: the share of the
/// candidate's passages that are the code's.
/// </summary>
public static class LeaveOneCodeOut
{
    public sealed record Row(string CodeId, int Passages, double Recall, double Purity, int Size);

    public static IReadOnlyList<Row> Run(
        Codebook codebook,
        IReadOnlyList<LabelledExample> labelled,
        CodeProposals proposals
    )
    {
        var passages = labelled
            .Select(l => l.Text)
            .Distinct()
            .Select((t, i) => new CandidatePassage($"p{i}", t))
            .ToList();
        var codesOf = passages.ToDictionary(
            p => p.Id,
            p => labelled.Where(l => l.Text == p.Text).Select(l => l.CodeId).ToHashSet(),
            StringComparer.Ordinal
        );
        var parents = codebook
            .Codes.Where(c => c.Parent is not null)
            .Select(c => c.Parent!)
            .ToHashSet(StringComparer.Ordinal);
        return codebook
            .Codes.Where(c => !parents.Contains(c.Id) && labelled.Any(l => l.CodeId == c.Id))
            .Select(code =>
            {
                var without = codebook with { Codes = [.. codebook.Codes.Where(c => c.Id != code.Id)] };
                var mine = codesOf
                    .Where(p => p.Value.Contains(code.Id))
                    .Select(p => p.Key)
                    .ToHashSet(StringComparer.Ordinal);
                var best = proposals
                    .Propose(without, passages, int.MaxValue)
                    .Select(p => (p, Hits: p.Passages.Count(mine.Contains)))
                    .Where(p => p.Hits > 0)
                    .OrderByDescending(p => p.Hits)
                    .ThenBy(p => p.p.Passages.Count)
                    .FirstOrDefault();
                return best.p is null
                    ? new Row(code.Id, mine.Count, 0, 0, 0)
                    : new Row(
                        code.Id,
                        mine.Count,
                        best.Hits / (double)mine.Count,
                        best.Hits / (double)best.p.Passages.Count,
                        best.p.Passages.Count
                    );
            })
            .ToList();
    }
}
