using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Reports;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// One transcript's part of the themes report: the passages its final coding holds (the caller's own where nothing is
/// final, as the matrix counts) with their site and speaker role, and the quotes marked illustrative in any coder's work
/// the caller may see, with their citations. Pseudonymised text only.
/// </summary>
public static class ThemesReportInput
{
    public static (List<ReportPassage> Passages, List<ReportQuote> Quotes) Of(
        VisibleCoding coding,
        int order,
        IReadOnlyList<SegmentDocument> turns,
        string siteName
    )
    {
        var transcript = coding.Transcript;
        var segments = turns.ToDictionary(s => s.Segment);
        var roles = SpeakerRoles.Of(transcript, turns);
        string? RoleAt(int segment) => segments.TryGetValue(segment, out var s) ? roles.RoleOf(s.Speaker) : null;
        var passages = ((coding.Final ?? coding.Mine)?.Codings ?? [])
            .Select(c => new ReportPassage(transcript.Id, c.Segment, c.CodeId, transcript.SiteId, RoleAt(c.Segment)))
            .ToList();
        var quotes = (coding.Shown ?? [])
            .SelectMany(w => w.Codings)
            .Where(c => c.Illustrative == true && segments.ContainsKey(c.Segment))
            .Select(c =>
            {
                var turn = segments[c.Segment];
                return new ReportQuote(
                    transcript.Id,
                    order,
                    c.Segment,
                    c.Start,
                    c.CodeId,
                    Words(c, turn.Text),
                    SpeakerCitation.Of(turn.Speaker, siteName, roles.RoleOf(turn.Speaker))
                );
            })
            .ToList();
        return (passages, quotes);
    }

    /// <summary>The words a coding covers: its sub-span, else the whole passage.</summary>
    public static string Words(CodingEntry coding, string text) =>
        coding.Start is { } start && coding.End is { } end && end <= text.Length && start < end
            ? text[start..end]
            : text;
}
