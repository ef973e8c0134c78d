using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Exchange;

/// <summary>
/// What a transcript is for cross-site comparison (site, the site's country, language, interview type) and who its
/// participants are: shared by the export and the study lead's speakers page.
/// </summary>
public static class TranscriptParticipants
{
    public const string Interview = "interview";
    public const string FocusGroup = "focus group";

    /// <summary>Suggested interview types; the study lead may write any other.</summary>
    public static IReadOnlyList<string> InterviewTypes { get; } =
    [Interview, FocusGroup, "follow-up interview", "group interview"];

    public const int MaxInterviewTypeLength = 60;

    /// <summary>
    /// The lead's interview type, else one read from who speaks: three or more participants make a focus group (the
    /// studies' groups have 5–9), fewer an interview.
    /// </summary>
    public static string InterviewTypeOf(TranscriptDocument transcript, IEnumerable<string> speakers) =>
        transcript.InterviewType
        ?? (
            speakers.Distinct(StringComparer.Ordinal).Count(ParticipantCases.IsParticipant) >= 3
                ? FocusGroup
                : Interview
        );

    public static TranscriptAttributes Attributes(
        StudyDocument study,
        TranscriptDocument transcript,
        IEnumerable<string> speakers
    ) =>
        new(
            transcript.SiteId,
            study.Sites.FirstOrDefault(s => s.Id == transcript.SiteId)?.Country,
            transcript.Language,
            InterviewTypeOf(transcript, speakers)
        );

    /// <summary>Each speaker's role as every view reads it (<see cref="SpeakerRoles"/>).</summary>
    public static SpeakerRoles RolesOf(TranscriptDocument transcript, IEnumerable<SpeakerTurn> turns) =>
        SpeakerRoles.Of(transcript, turns.Select(t => (t.Index, t.Speaker)));

    /// <summary>The interview type as a lead wrote it, trimmed; null for blank. Throws nothing: the caller checks <see cref="IsValidInterviewType"/>.</summary>
    public static string? CleanInterviewType(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static bool IsValidInterviewType(string? value) =>
        value is null || value.Length <= MaxInterviewTypeLength && !value.Any(char.IsControl);
}
