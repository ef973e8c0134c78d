using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Recovery;

/// <summary>
/// Hands on a transcript whose stage message went missing. Storage can take a dequeue and lose the answer (a network
/// cut); the message then stays hidden for the host's ten-minute lease and the transcript sits still. A transcript is
/// stalled when a machine should take it from its status, it has not moved for <see
/// cref="PipelineSettings.StalledAfterSeconds"/>,
/// and its stage's queue shows no message waiting (a backlog is waiting, not stalled). Its stage gets a new message;
/// every stage is idempotent, so a message that comes back later changes nothing. An approval that stopped before its
/// pair moved is finished here too (<see cref="ApprovedPairs"/>).
/// </summary>
public sealed class StalledTranscripts(
    StudyStore studies,
    TranscriptStore transcripts,
    TranscriptWorkflow workflow,
    PipelineQueues queues,
    TranslationCheckStore checks,
    ApprovedPairs approved,
    BlobContainers blobs,
    StudySummaryStore summaries,
    PipelineSettings settings,
    TimeProvider clock,
    ILogger<StalledTranscripts> logger
)
{
    public async Task<int> HandOnAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromSeconds(settings.StalledAfterSeconds);
        var waiting = new Dictionary<string, bool>();
        var handed = 0;
        foreach (var study in await studies.ListAsync(ct))
        {
            // Reading a study's summary trims its moves, so it stays small between admins' reads.
            await summaries.GetAsync(study.Id, ct);
            foreach (var transcript in await transcripts.AtAsync(study.Id, Transitions.Waiting, ct))
            {
                if (Stalled(transcript, before) is not { } stage)
                    continue;
                if (!waiting.TryGetValue(stage.Queue, out var backlog))
                    waiting[stage.Queue] = backlog =
                        (await queues.Get(stage.Queue).PeekMessagesAsync(1, ct)).Value.Length > 0;
                if (backlog)
                    continue;
                if (stage == StageTable.Ingest)
                    await queues.SendTextAsync(
                        stage.Queue,
                        BlobCreatedEvents.Create(
                            blobs.Uploads.GetBlobClient(transcript.UploadBlob).Uri,
                            transcript.UploadBlob,
                            transcript.SizeBytes,
                            "",
                            clock.GetUtcNow()
                        ),
                        ct
                    );
                else
                    await workflow.SendAsync(stage, transcript, ct);
                logger.LogWarning(
                    "Transcript {TranscriptId} of study {StudyId} sat at {Status} since {UpdatedAt:O}; "
                        + "handed to {Stage} again.",
                    transcript.Id,
                    study.Id,
                    transcript.Status,
                    transcript.UpdatedAt,
                    stage.Name
                );
                handed++;
            }
            handed += await FinishApprovalsAsync(study.Id, before, ct);
        }
        return handed;
    }

    /// <summary>Pairs still waiting for a decision whose check was approved before <paramref name="before"/>: the approval stopped before they moved.</summary>
    async Task<int> FinishApprovalsAsync(string studyId, DateTimeOffset before, CancellationToken ct)
    {
        var finished = 0;
        var checkIds = (await transcripts.AtAsync(studyId, ApprovedPairs.Deciding, ct))
            .Select(ApprovedPairs.CheckIdOf)
            .OfType<string>()
            .Distinct()
            .ToList();
        foreach (var id in checkIds)
        {
            if (
                await checks.GetAsync(studyId, id, ct) is not { Review: TranslationReview.Approved } check
                || check.DecidedAt > before
            )
                continue;
            var moved = await approved.FinishAsync(check, ct);
            if (moved == 0)
                continue;
            logger.LogWarning(
                "Translation check {CheckId} of study {StudyId} was approved but {Moved} transcript(s) had not moved; moved them on.",
                id,
                studyId,
                moved
            );
            finished += moved;
        }
        return finished;
    }

    /// <summary>
    /// The stage a transcript waits for, when it has sat since before <paramref name="before"/> at a status a stage
    /// takes it from by itself (the table's queued and upload rows); null when it moved lately or waits for a person.
    /// </summary>
    public static Stage? Stalled(TranscriptDocument transcript, DateTimeOffset before) =>
        transcript.UpdatedAt <= before && Transitions.Awaited(transcript) is { } trigger
            ? StageTable.Of(trigger)
            : null;
}
