using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// An approval is one write, the check saved as Approved, and its transcripts' moves follow from it as conditional
/// moves. A stop between leaves the pair where the lead found it; a second approval of the approved check, or the sweep
/// (<see cref="StalledTranscripts"/>), calls <see cref="FinishAsync"/> again, and a half that has moved already is left alone.
/// </summary>
public sealed class ApprovedPairs(ITranscriptStatuses transcripts, TranscriptWorkflow workflow)
{
    /// <summary>The statuses an approval takes a pair from (the table's Approve rows): where an unfinished approval leaves it.</summary>
    public static IReadOnlyList<TranscriptStatus> Deciding { get; } =
    [.. Transitions.Of(Trigger.Approve).Select(r => r.From).Distinct()];

    /// <summary>The id of the check a half of a pair is decided by: the check is named after the translation.</summary>
    public static string? CheckIdOf(TranscriptDocument transcript) =>
        transcript.TranslationOf is not null ? transcript.Id : transcript.TranslationId;

    /// <summary>
    /// True when the approved check is about this version of the transcript: a correction made since is checked anew
    /// and waits for a new decision, so the old approval must not carry it on.
    /// </summary>
    public static bool Decides(TranslationCheckDocument check, TranscriptDocument transcript) =>
        check.Review == TranslationReview.Approved
        && transcript.PseudonymVersion
            == (
                transcript.Id == check.SourceId ? check.SourceVersion
                : transcript.Id == check.TranslationId ? check.TranslationVersion
                : -1
            );

    /// <summary>Moves each half of an approved pair still waiting for the decision on; the number moved (0 when done already).</summary>
    public async Task<int> FinishAsync(TranslationCheckDocument check, CancellationToken ct)
    {
        var moved = 0;
        foreach (var id in new[] { check.SourceId, check.TranslationId })
            if (
                await transcripts.GetAsync(check.StudyId, id, ct) is { } transcript
                && Decides(check, transcript)
                && await workflow.MoveFromCurrentAsync(
                    transcript,
                    Trigger.Approve,
                    TranscriptStatus.TranslationApproved,
                    $"Approved by {check.DecidedBy}.",
                    ct
                )
            )
                moved++;
        return moved;
    }
}
