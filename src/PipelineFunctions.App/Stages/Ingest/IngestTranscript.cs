using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Stages.Ingest;

/// <summary>
/// Triggered by a BlobCreated event for <c>uploads</c> (Event Grid → queue in Azure; the upload API or the local host's
/// scan here): parses the stored file into speaker turns, keeps the text restricted, pairs a translation with its
/// source, and hands the transcript to pseudonymisation.
/// </summary>
public sealed class IngestTranscript(
    StageRunner runner,
    StudyStore studies,
    TranscriptStore transcripts,
    TranscriptTexts texts,
    BlobContainers blobs,
    TranscriptWorkflow workflow,
    PipelineSettings settings,
    TimeProvider clock
)
{
    [Function(nameof(IngestTranscript))]
    public Task RunAsync(
        [QueueTrigger(StageTable.Queues.Ingest)] string message,
        FunctionContext function,
        CancellationToken ct
    ) => runner.RunAsync(StageTable.Ingest, message, function, context => IngestAsync(message, context, ct), ct);

    async Task IngestAsync(string message, StageContext context, CancellationToken ct)
    {
        var blobName = BlobCreatedEvents.UploadedBlobName(message);
        if (blobName is null)
        {
            // Other events on the topic are expected and not an error; a garbled one is kept in poison for an admin.
            if (!message.TrimStart().StartsWith('{') && !message.TrimStart().StartsWith('['))
                throw new PipelineException("The ingest message is not an Event Grid event.");
            context.Log("Ingest: not a BlobCreated event for uploads; ignored.");
            return;
        }

        var blob = blobs.Uploads.GetBlobClient(blobName);
        BlobDownloadResult download;
        try
        {
            download = (await blob.DownloadContentAsync(ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            context.Log("Ingest: the uploaded blob no longer " + "exists.");
            return;
        }

        var upload = UploadMetadata.FromBlob(blobName, download.Details.Metadata);
        var study = upload is null ? null : await studies.GetAsync(upload.StudyId, ct);
        if (upload is null || study is null)
        {
            // Nowhere to record a transcript without a study; the blob stays for an admin.
            context.Log("Ingest: an upload outside any known study was left in place.");
            return;
        }
        var content = download.Content.ToArray();
        var sha = TranscriptIds.Sha256(content);
        var id = TranscriptIds.For(study.Id, sha);
        context.Describe(study.Id, id);
        var (transcript, _) = await transcripts.CreateOrGetAsync(
            NewTranscripts.Document(id, study, upload, blobName, sha, content.Length, clock.GetUtcNow()),
            ct
        );
        if (transcript.UploadBlob != blobName)
        {
            context.Log($"Ingest: upload is a duplicate of {transcript.Id}; nothing new recorded.");
            return;
        }
        switch (Transitions.StepFor(Trigger.Ingest, transcript))
        {
            case StageStep.Run:
                break;
            case StageStep.Done:
                await workflow.HandOnIfRetryAsync(transcript, context.DequeueCount, ct);
                return;
            default:
                return;
        }

        ParsedTranscript parsed;
        try
        {
            if (NewTranscripts.Problem(study, upload) is { } problem)
                throw new TranscriptRejectedException(RejectionReason.UnknownFormat, problem);
            parsed =
                await texts.LoadParsedAsync(id, ct)
                ?? TranscriptReader.Read(upload.FileName, content, new TranscriptLimits(settings.MaxUploadBytes));
        }
        catch (TranscriptRejectedException e)
        {
            await workflow.MoveAsync(transcript, TranscriptStatus.Rejected, e.Message, ct);
            context.Log($"{id}: rejected ({e.Reason}).");
            return;
        }

        await texts.SaveParsedAsync(id, parsed, ct);
        await MeetByInterviewAsync(transcript, ct);
        if (
            transcript.TranslationOf is { } sourceId
            && await transcripts.GetAsync(study.Id, sourceId, ct) is { } source
        )
        {
            // A second translation of the same source is a correction: the earlier one steps aside, history kept.
            if (
                source.TranslationId is { } earlier
                && earlier != id
                && await transcripts.GetAsync(study.Id, earlier, ct) is { } superseded
            )
            {
                await transcripts.SetSupersedesAsync(study.Id, id, earlier, ct);
                await workflow.MoveFromCurrentAsync(
                    superseded,
                    Trigger.Supersede,
                    TranscriptStatus.Superseded,
                    $"Replaced by the corrected translation {id}.",
                    ct
                );
            }
            await transcripts.SetTranslationAsync(study.Id, sourceId, id, ct);
        }
        var facts = new TranscriptFacts(
            Format: parsed.Format.ToString(),
            TurnCount: parsed.Turns.Count,
            WordCount: parsed.Turns.Sum(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
        );
        if (await workflow.MoveAsync(transcript, TranscriptStatus.Parsed, null, ct, facts))
            context.Log($"{id}: parsed, {parsed.Turns.Count} turns.");
        else
            context.Log($"{id}: moved meanwhile by another delivery; nothing handed on.");
    }

    /// <summary>
    /// Pairs a source and a translation named only by site and interview id, whichever came first: a translation
    /// finds its source now, or a source finds the translation that was waiting for it.
    /// </summary>
    async Task MeetByInterviewAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        if (transcript.InterviewId is null || transcript.Role is null || transcript.PairId is not null)
            return;
        var other = (await transcripts.ListAsync(transcript.StudyId, ct))
            .Where(t =>
                t.Id != transcript.Id
                && t.SiteId == transcript.SiteId
                && t.InterviewId == transcript.InterviewId
                && t.Status is not (TranscriptStatus.Rejected or TranscriptStatus.Superseded or TranscriptStatus.Failed)
            )
            .OrderByDescending(t => t.ReceivedAt)
            .ToList();
        if (
            transcript.Role == PairRole.Translation
            && other.FirstOrDefault(t => t.Role == PairRole.Source) is { } source
        )
        {
            transcript.TranslationOf = source.Id;
            await transcripts.SetTranslationOfAsync(transcript.StudyId, transcript.Id, source.Id, ct);
        }
        else if (
            transcript.Role == PairRole.Source
            && other.FirstOrDefault(t => t.Role == PairRole.Translation && t.TranslationOf is null) is { } translation
        )
        {
            await transcripts.SetTranslationOfAsync(transcript.StudyId, translation.Id, transcript.Id, ct);
            await transcripts.SetTranslationAsync(transcript.StudyId, transcript.Id, translation.Id, ct);
            // The translation may be waiting at the check already: wake it now that its source is here.
            if (translation.Status == TranscriptStatus.AwaitingTranslationCheck)
                await workflow.SendAsync(StageTable.TranslationCheck, translation, ct);
        }
    }
}
