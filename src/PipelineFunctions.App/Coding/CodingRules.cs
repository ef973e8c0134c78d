using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// How a study's coding is organised: which transcripts two coders code blind, what counts as a transcript's final
/// coding, and whose work a user may see. The workspace, the code view, exports and the suggestion engine's learning
/// all follow these.
/// </summary>
public static class CodingRules
{
    /// <summary>Transcripts ready for coding, oldest first (ties by id, so the order is stable).</summary>
    public static List<TranscriptDocument> Ready(IEnumerable<TranscriptDocument> transcripts) =>
        transcripts
            .Where(t => t.Status == TranscriptStatus.SuggestionsReady)
            .OrderBy(t => t.ReceivedAt)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The study's first N ready transcripts and any it names are coded by two coders blind.</summary>
    public static HashSet<string> DoubleCoded(StudyDocument study, IReadOnlyList<TranscriptDocument> ready) =>
        ready
            .Take(study.DoubleCodeFirst)
            .Select(t => t.Id)
            .Concat(study.DoubleCodeTranscripts)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The coders the study lead assigned to a transcript: its own, else its site's; none means any coder of the study
    /// may code it (as before assignments existed).
    /// </summary>
    public static IReadOnlyList<string> CodersOf(StudyDocument study, TranscriptDocument transcript) =>
        study.TranscriptCoders.GetValueOrDefault(transcript.Id) is { Count: > 0 } own
            ? own
            : study.SiteCoders.GetValueOrDefault(transcript.SiteId) ?? [];

    /// <summary>A coder codes what is assigned to them (or to nobody); the study lead may open every transcript.</summary>
    public static bool MayCode(StudyDocument study, TranscriptDocument transcript, ClaimsPrincipal user) =>
        user.IsInRole(Roles.StudyLead)
        || CodersOf(study, transcript) is not { Count: > 0 } coders
        || coders.Contains(user.Name(), StringComparer.Ordinal);

    /// <summary>The code an id stands for now: the code it was merged into (followed through later merges), else itself.</summary>
    public static string Current(StudyDocument study, string codeId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (study.CodeMerges.TryGetValue(codeId, out var kept) && seen.Add(codeId))
            codeId = kept;
        return codeId;
    }

    /// <summary>The consensus where there is one, otherwise the one submitted coding; null while it is open.</summary>
    public static CoderWorkDocument? Final(IReadOnlyList<CoderWorkDocument> works) =>
        works.FirstOrDefault(w => w.Coder == CoderWorkDocument.FinalCoder)
        ?? (works.Count(w => w.Submitted) == 1 ? works.Single(w => w.Submitted) : null);

    /// <summary>The two submitted codings agreement compares: the first two to submit.</summary>
    public static List<CoderWorkDocument> Pair(IEnumerable<CoderWorkDocument> works) =>
        works
            .Where(w => w.Submitted && w.Coder != CoderWorkDocument.FinalCoder)
            .OrderBy(w => w.SubmittedAt)
            .Take(2)
            .ToList();

    /// <summary>
    /// Blind double coding holds in exports too: the study lead gets every coder's submitted work, a coder only their own.
    /// The consensus is everyone's.
    /// </summary>
    public static Func<CoderWorkDocument, bool> VisibleTo(ClaimsPrincipal user) =>
        work =>
            work.Coder == CoderWorkDocument.FinalCoder
            || work.Coder == user.Name()
            || work.Submitted && user.IsInRole(Roles.StudyLead);
}
