using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>One kind's figures on a case set: must-go strings left in the output, of those the ones no unsure span
/// touches, must-stay strings no longer in the output, unsure spans and the input's words.</summary>
public sealed record CaseKindScore(int Go, int Leaked, int LeakedNotUnsure, int Stay, int Lost, int Unsure, int Words)
{
    public double LeakedShare => (double)Leaked / Math.Max(1, Go);
    public double LostShare => (double)Lost / Math.Max(1, Stay);
    public double UnsurePer100Words => 100.0 * Unsure / Math.Max(1, Words);

    public static CaseKindScore operator +(CaseKindScore a, CaseKindScore b) =>
        new(
            a.Go + b.Go,
            a.Leaked + b.Leaked,
            a.LeakedNotUnsure + b.LeakedNotUnsure,
            a.Stay + b.Stay,
            a.Lost + b.Lost,
            a.Unsure + b.Unsure,
            a.Words + b.Words
        );

    public static readonly CaseKindScore Zero = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Runs a case set through the pseudonymiser as the <c>pseudonymise</c> command does (one transcript a case, its roster,
/// its declared language) and scores the output text: a must-go string still there as a word leaked (covered when an
/// unsure span overlaps it in the input), a must-stay string of the input no longer there is lost.
/// </summary>
public static class CaseSetScore
{
    public sealed record Result(
        SetCase Case,
        CaseKindScore Score,
        IReadOnlyList<string> Leaks,
        IReadOnlyList<string> Losses,
        IReadOnlyList<string> Unsure
    );

    public static Result Run(SetCase c, byte[] key)
    {
        var transcript = c.Transcript();
        var result = new TranscriptPseudonymiser(
            new StudyPseudonymisation(key, c.Roster),
            new PseudonymBook()
        ).Pseudonymise(transcript.Turns, c.Language);
        var input = transcript.ToText();
        var output = new ParsedTranscript(transcript.Format, result.Turns).ToText();
        var unsure = result.UnsureSpans.SelectMany(u => u.Occurrences).ToList();
        var leaks = c.Go.Where(g => Contains(output, g)).ToList();
        var notUnsure = leaks.Where(g => !Flagged(unsure, g)).ToList();
        var losses = c.Stay.Where(s => Contains(input, s) && !Contains(output, s)).ToList();
        var words = transcript.Turns.Sum(t => Tokens.Of(t.Text).Count + Tokens.Of(t.Speaker).Count);
        return new Result(
            c,
            new CaseKindScore(
                c.Go.Count,
                leaks.Count,
                notUnsure.Count,
                c.Stay.Count,
                losses.Count,
                result.UnsureSpans.Count,
                words
            ),
            [.. leaks.Select(l => notUnsure.Contains(l) ? l : $"{l} (unsure)")],
            losses,
            [.. result.UnsureSpans.Select(u => $"{u.Reason}\t{Role(c, u.Text)}\t{u.Text}")]
        );
    }

    /// <summary>Whether an unsure span holds the string, or part of it.</summary>
    static bool Flagged(List<UnsureSpan> unsure, string go) =>
        unsure.Any(u => go.Contains(u.Text, StringComparison.Ordinal) || u.Text.Contains(go, StringComparison.Ordinal));

    /// <summary>Whether an unsure span's text is part of a must-go string, of a must-stay one, or neither.</summary>
    static string Role(SetCase c, string text) =>
        c.Go.Any(g => g.Contains(text, StringComparison.Ordinal) || text.Contains(g, StringComparison.Ordinal)) ? "go"
        : c.Stay.Any(s => s.Contains(text, StringComparison.Ordinal)) ? "stay"
        : "other";

    static bool Contains(string text, string s) => Occurrences(text, s).Any();

    /// <summary>Where the string stands as whole words (not inside a longer word).</summary>
    static IEnumerable<int> Occurrences(string text, string s)
    {
        if (s.Length == 0)
            yield break;
        for (
            var at = text.IndexOf(s, StringComparison.Ordinal);
            at >= 0;
            at = text.IndexOf(s, at + 1, StringComparison.Ordinal)
        )
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + s.Length >= text.Length || !char.IsLetterOrDigit(text[at + s.Length]);
            if (before && after)
                yield return at;
        }
    }
}
