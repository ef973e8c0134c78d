using System.Globalization;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.SiteCheck;

/// <summary>A person's correction of the pseudonymiser: a missed identifier, or a word replaced that is not
/// one.</summary>
public sealed record Correction(
    CorrectionKind Kind,
    string Text,
    IdentifierCategory Category = IdentifierCategory.Person
);

public enum CorrectionKind
{
    Missed,
    NotAnIdentifier,
}

/// <summary>
/// The correction loop, for the correction API and the site's check alike: a missed identifier joins the study's
/// roster, a wrong one its allow list (so the next transcript learns), and the
/// transcripts whose original holds a corrected word are pseudonymised again as a new version.
/// </summary>
public sealed class PseudonymisationCorrections(
    StudyStore studies,
    TranscriptStore transcripts,
    TranscriptTexts texts,
    TranscriptWorkflow workflow
)
{
    /// <summary>Saves the corrections; the caller's audit entry names their kinds and counts (never the
    /// words).</summary>
    public async Task SaveAsync(string studyId, IReadOnlyList<Correction> corrections, CancellationToken ct)
    {
        var missed = corrections.Where(c => c.Kind == CorrectionKind.Missed).ToList();
        if (missed.Count > 0)
        {
            var roster = (await texts.LoadRosterAsync(studyId, ct)).ToList();
            roster.AddRange(missed.Select(c => new RosterEntry(c.Text, c.Category, [])));
            await texts.SaveRosterAsync(studyId, roster, ct);
        }
        foreach (
            var allowed in corrections
                .Where(c => c.Kind == CorrectionKind.NotAnIdentifier)
                .Select(c => c.Text)
                .Distinct(StringComparer.OrdinalIgnoreCase)
        )
            await studies.AllowAsync(studyId, allowed, ct);
    }

    /// <summary>
    /// Sends every pseudonymised transcript whose original holds one of the words back to pseudonymisation (a new
    /// version), except <paramref name="except"/>; their ids.
    /// </summary>
    public async Task<List<string>> PseudonymiseAgainAsync(
        string studyId,
        IReadOnlyCollection<string> words,
        CancellationToken ct,
        string? except = null
    )
    {
        var affected = new List<string>();
        if (words.Count == 0)
            return affected;
        foreach (var t in await transcripts.ListAsync(studyId, ct))
        {
            if (
                t.Id == except
                || t.PseudonymVersion == 0
                || t.Status is TranscriptStatus.Rejected or TranscriptStatus.Superseded or TranscriptStatus.Received
            )
                continue;
            var parsed = await texts.LoadParsedAsync(t.Id, ct);
            if (
                parsed is null
                || !parsed.Turns.Any(turn => words.Any(w => Contains(turn.Text, w) || Contains(turn.Speaker, w)))
            )
                continue;
            await workflow.MoveFromCurrentAsync(
                t,
                Trigger.Correct,
                TranscriptStatus.Parsed,
                "Pseudonymised again after a correction.",
                ct
            );
            affected.Add(t.Id);
        }
        return affected;
    }

    static bool Contains(string haystack, string needle) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(
            haystack,
            needle,
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace
        ) >= 0;
}
