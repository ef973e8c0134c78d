using Azure.Storage.Blobs.Models;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Uploads;

/// <summary>
/// The upload API's path: store the original, record the transcript, validate it once (so a site hears of a bad file
/// at once) and keep what the parse found for ingest, then send its BlobCreated event inside the upload's trace. In
/// Azure Event Grid sends one as well; ingest takes a first delivery that finds its work done for that duplicate.
/// </summary>
public sealed class TranscriptUploads(
    StudyStore studies,
    TranscriptStore transcripts,
    TranscriptTexts texts,
    BlobContainers blobs,
    TranscriptWorkflow workflow,
    PipelineQueues queues,
    PipelineSettings settings,
    TimeProvider clock
)
{
    /// <summary>Blob metadata telling the local upload scan (the Event Grid stand-in) that this blob's event is on its
    /// way.</summary>
    public const string QueuedMarker = "ingestqueued";

    public async Task<IntakeResult> UploadAsync(UploadMetadata upload, byte[] content, CancellationToken ct)
    {
        using var activity = PipelineTelemetry.Source.StartActivity("UploadTranscript");
        activity?.SetTag(PipelineTelemetry.Tags.Stage, "upload");
        activity?.SetTag(PipelineTelemetry.Tags.StudyId, upload.StudyId);
        activity?.SetTag(PipelineTelemetry.Tags.SiteId, upload.SiteId);
        var result = await UploadCheckedAsync(upload, content, ct);
        activity?.SetTag(PipelineTelemetry.Tags.TranscriptId, result.Transcript?.Id);
        activity?.SetTag(PipelineTelemetry.Tags.Outcome, result.Outcome.ToString());
        return result;
    }

    async Task<IntakeResult> UploadCheckedAsync(UploadMetadata upload, byte[] content, CancellationToken ct)
    {
        var study = await studies.GetAsync(upload.StudyId, ct);
        if (study is null)
            return new(IntakeOutcome.UnknownStudy, $"There is no study '{upload.StudyId}'.");
        if (NewTranscripts.Problem(study, upload) is { } problem)
            return new(IntakeOutcome.Invalid, problem);
        if (upload.TranslationOf is { } sourceId && await transcripts.GetAsync(study.Id, sourceId, ct) is null)
            return new(IntakeOutcome.Invalid, $"The source transcript '{sourceId}' is not in study '{study.Id}'.");

        var sha = TranscriptIds.Sha256(content);
        var id = TranscriptIds.For(study.Id, sha);
        if (await transcripts.GetAsync(study.Id, id, ct) is { } existing)
            return Duplicate(existing);

        var blobName = $"{study.Id}/{upload.SiteId}/{id}{SafeExtension(upload.FileName)}";
        var blob = blobs.Uploads.GetBlobClient(blobName);
        // Stored before anything else, so nothing uploaded is ever lost, rejected files included.
        var metadata = upload.ToBlobMetadata();
        var stored = await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { Metadata = metadata },
            ct
        );

        var (transcript, created) = await transcripts.CreateOrGetAsync(
            NewTranscripts.Document(id, study, upload, blobName, sha, content.Length, clock.GetUtcNow()),
            ct
        );
        if (!created)
            return Duplicate(transcript);

        try
        {
            // The one validation of this upload: ingest takes the parse from here.
            await texts.SaveParsedAsync(
                id,
                TranscriptReader.Read(upload.FileName, content, new TranscriptLimits(settings.MaxUploadBytes)),
                ct
            );
        }
        catch (TranscriptRejectedException e)
        {
            await workflow.MoveAsync(transcript, TranscriptStatus.Rejected, e.Message, ct);
            transcript.Reason = e.Message;
            return new(IntakeOutcome.Rejected, e.Message, transcript, e.Reason);
        }

        using (PipelineTelemetry.StartSend(PipelineQueues.Ingest, study.Id, id))
            await queues.SendTextAsync(
                PipelineQueues.Ingest,
                BlobCreatedEvents.Create(
                    blob.Uri,
                    blobName,
                    content.Length,
                    stored.Value.ETag.ToString(),
                    clock.GetUtcNow(),
                    PipelineTelemetry.Traceparent()
                ),
                ct
            );
        // Only once the event is sent: an upload cut off before (a worker killed mid-request) is left for the scan.
        metadata[QueuedMarker] = "true";
        await blob.SetMetadataAsync(metadata, cancellationToken: ct);
        return new(IntakeOutcome.Accepted, "Received; it is being processed.", transcript);
    }

    // Named as the people who uploaded it know it: the file and the day, not an internal id (the answer carries the id
    // apart).
    static IntakeResult Duplicate(TranscriptDocument existing) =>
        new(
            IntakeOutcome.Duplicate,
            $"This file was uploaded already, as {existing.FileName} on "
                + $"{existing.ReceivedAt.UtcDateTime:d MMM yyyy, HH:mm} UTC; it is {existing.Status}.",
            existing
        );

    static string SafeExtension(string fileName)
    {
        var ext = Path.GetExtension(UploadMetadata.Displayable(fileName)).ToLowerInvariant();
        // The formats TranscriptReader reads; anything else is stored as .bin, so no stored name suggests how to open
        // it.
        return ext is ".txt" or ".docx" or ".odt" or ".rtf" or ".pdf" or ".vtt" or ".srt" ? ext : ".bin";
    }
}
