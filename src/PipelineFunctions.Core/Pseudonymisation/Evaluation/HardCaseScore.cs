using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>
/// One kind's figures: identifiers that had to go and leaked (any letter or digit left), and of those the ones no unsure
/// span flagged for a person to check; marked words that had to stay and were lost (any replacement touching them); the
/// other, unmarked words replaced; and the unsure spans over the words of the text.
/// </summary>
public sealed record HardKindScore(
    int MustGo,
    int Leaked,
    int MustKeep,
    int Lost,
    int OtherWords,
    int OtherReplaced,
    int Words = 0,
    int Unsure = 0,
    int LeakedNotUnsure = 0
)
{
    public double LostShare => (double)Lost / Math.Max(1, MustKeep);

    public double UnsurePer100Words => 100.0 * Unsure / Math.Max(1, Words);

    public static HardKindScore operator +(HardKindScore a, HardKindScore b) =>
        new(
            a.MustGo + b.MustGo,
            a.Leaked + b.Leaked,
            a.MustKeep + b.MustKeep,
            a.Lost + b.Lost,
            a.OtherWords + b.OtherWords,
            a.OtherReplaced + b.OtherReplaced,
            a.Words + b.Words,
            a.Unsure + b.Unsure,
            a.LeakedNotUnsure + b.LeakedNotUnsure
        );

    public static readonly HardKindScore Zero = new(0, 0, 0, 0, 0, 0);
}

/// <summary>Runs the hard cases through a pseudonymiser as one-turn transcripts and scores them per kind.</summary>
public static class HardCaseScore
{
    public sealed record CaseResult(
        HardCase Case,
        HardKindScore Score,
        IReadOnlyList<string> Leaks,
        IReadOnlyList<string> Losses,
        IReadOnlyList<string> OtherReplaced,
        IReadOnlyList<string> Unsure
    );

    public static IReadOnlyList<CaseResult> Run(IEnumerable<HardCase> cases, TranscriptPseudonymiser pseudonymiser) =>
        cases
            .Select(c => Score(c, pseudonymiser.Pseudonymise([new SpeakerTurn(1, c.Speaker, c.Text)], c.Language)))
            .ToList();

    public static IReadOnlyDictionary<string, HardKindScore> ByKind(IEnumerable<CaseResult> results) =>
        results
            .GroupBy(r => r.Case.Kind)
            .ToDictionary(
                g => g.Key,
                g => g.Aggregate(HardKindScore.Zero, (a, r) => a + r.Score),
                StringComparer.Ordinal
            );

    static CaseResult Score(HardCase c, PseudonymisedTranscript result)
    {
        var replacements = result.Replacements;
        bool Covered(int i, bool inSpeaker) =>
            replacements.Any(r => r.InSpeaker == inSpeaker && r.Start <= i && i < r.Start + r.Length);
        string Of(MarkedSpan s) => (s.InSpeaker ? c.Speaker : c.Text).Substring(s.Start, s.Length);
        var leaked = c
            .MustGo.Where(s =>
                Enumerable
                    .Range(s.Start, s.Length)
                    .Any(i => char.IsLetterOrDigit((s.InSpeaker ? c.Speaker : c.Text)[i]) && !Covered(i, s.InSpeaker))
            )
            .ToList();
        var leaks = leaked.Select(Of).ToList();
        var notUnsure = leaked.Count(s =>
            !result
                .UnsureSpans.SelectMany(u => u.Occurrences)
                .Any(u => u.InSpeaker == s.InSpeaker && u.Start < s.End && s.Start < u.End)
        );
        var keepWords = c
            .MustKeep.SelectMany(s => Tokens.Of(Of(s)).Select(t => (Start: s.Start + t.Start, t.Length, t.Text)))
            .ToList();
        var lost = keepWords
            .Where(w =>
                replacements.Any(r => !r.InSpeaker && w.Start < r.Start + r.Length && r.Start < w.Start + w.Length)
            )
            .Select(w => w.Text)
            .ToList();
        var other = Tokens
            .Of(c.Text)
            .Where(t => !c.MustGo.Concat(c.MustKeep).Any(s => !s.InSpeaker && t.Start < s.End && s.Start < t.End))
            .ToList();
        var otherReplaced = other
            .Where(t => replacements.Any(r => !r.InSpeaker && t.Start < r.Start + r.Length && r.Start < t.End))
            .Select(t => t.Text)
            .ToList();
        return new CaseResult(
            c,
            new HardKindScore(
                c.MustGo.Count,
                leaks.Count,
                keepWords.Count,
                lost.Count,
                other.Count,
                otherReplaced.Count,
                Tokens.Of(c.Text).Count,
                result.UnsureSpans.Count,
                notUnsure
            ),
            leaks,
            lost,
            otherReplaced,
            result.UnsureSpans.Select(u => $"{u.Text} ({u.Reason})").ToList()
        );
    }
}
