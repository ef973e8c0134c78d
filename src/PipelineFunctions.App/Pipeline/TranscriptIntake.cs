using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Pipeline;

/// <summary>
/// How an upload becomes a transcript. The upload API answers at once with what a check finds (so a site hears
/// of a bad file straight away); the ingest function then parses the stored blob, whichever way it arrived.
/// </summary>
public sealed class TranscriptIntake(
    StudyStore studies, TranscriptStore transcripts, TranscriptTexts texts, BlobContainers blobs,
    PipelineQueues queues, PipelineSettings settings, TimeProvider clock)
{
    public const string QueuedMarker = "ingestqueued";

    TranscriptLimits Limits => new(settings.MaxUploadBytes);

    /// <summary>The upload API's path: store the original, record the transcript, enqueue its BlobCreated event.</summary>
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
        if (study is null) return new(IntakeOutcome.UnknownStudy, $"There is no study '{upload.StudyId}'.");
        if (Problem(study, upload) is { } problem) return new(IntakeOutcome.Invalid, problem);
        if (upload.TranslationOf is { } sourceId && await transcripts.GetAsync(study.Id, sourceId, ct) is null)
            return new(IntakeOutcome.Invalid, $"The source transcript '{sourceId}' is not in study '{study.Id}'.");

        var sha = TranscriptIds.Sha256(content);
        var id = TranscriptIds.For(study.Id, sha);
        if (await transcripts.GetAsync(study.Id, id, ct) is { } existing)
            return Duplicate(existing);

        var blobName = $"{study.Id}/{upload.SiteId}/{id}{SafeExtension(upload.FileName)}";
        var blob = blobs.Uploads.GetBlobClient(blobName);
        // Stored before anything else, so nothing uploaded is ever lost, rejected files included.
        var stored = await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { Metadata = upload.ToBlobMetadata() }, ct);

        var (transcript, created) = await transcripts.CreateOrGetAsync(NewDocument(id, study, upload, blobName, sha, content.Length), ct);
        if (!created) return Duplicate(transcript);

        try
        {
            TranscriptReader.Read(upload.FileName, content, Limits);
        }
        catch (TranscriptRejectedException e)
        {
            await transcripts.SetStatusAsync(study.Id, id, TranscriptStatus.Rejected, e.Message, ct: ct);
            transcript.Status = TranscriptStatus.Rejected;
            transcript.Reason = e.Message;
            return new(IntakeOutcome.Rejected, e.Message, transcript, e.Reason);
        }

        using (PipelineTelemetry.StartSend(PipelineQueues.Ingest, study.Id, id))
            await queues.SendTextAsync(PipelineQueues.Ingest, BlobCreatedEvents.Create(blob.Uri, blobName, content.Length,
                stored.Value.ETag.ToString(), clock.GetUtcNow(), PipelineTelemetry.Traceparent()), ct);
        await MarkQueuedAsync(blobName, ct);
        return new(IntakeOutcome.Accepted, "Received; it is being processed.", transcript);
    }

    /// <summary>The ingest function's path: parse the stored upload into turns, keep the text restricted, hand on.</summary>
    public async Task IngestAsync(string blobName, Functions.FunctionContext context, CancellationToken ct)
    {
        var blob = blobs.Uploads.GetBlobClient(blobName);
        BlobDownloadResult download;
        try { download = (await blob.DownloadContentAsync(ct)).Value; }
        catch (RequestFailedException e) when (e.Status == 404) { context.Log("Ingest: the uploaded blob no longer exists."); return; }

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
        var (transcript, _) = await transcripts.CreateOrGetAsync(NewDocument(id, study, upload, blobName, sha, content.Length), ct);
        if (transcript.UploadBlob != blobName)
        {
            context.Log($"Ingest: upload is a duplicate of {transcript.Id}; nothing new recorded.");
            return;
        }
        if (transcript.Status != TranscriptStatus.Received)
        {
            if (transcript.Status == TranscriptStatus.Parsed) await HandOnAsync(transcript, ct);
            return;
        }

        ParsedTranscript parsed;
        try
        {
            if (Problem(study, upload) is { } problem) throw new TranscriptRejectedException(RejectionReason.UnknownFormat, problem);
            parsed = TranscriptReader.Read(upload.FileName, content, Limits);
        }
        catch (TranscriptRejectedException e)
        {
            await transcripts.SetStatusAsync(study.Id, id, TranscriptStatus.Rejected, e.Message, ct: ct);
            context.Log($"{id}: rejected ({e.Reason}).");
            return;
        }

        await texts.SaveParsedAsync(id, parsed, ct);
        await MeetByInterviewAsync(transcript, ct);
        if (transcript.TranslationOf is { } sourceId && await transcripts.GetAsync(study.Id, sourceId, ct) is { } source)
        {
            // A second translation of the same source is a correction: the earlier one steps aside, history kept.
            if (source.TranslationId is { } earlier && earlier != id)
            {
                await transcripts.PatchAsync(study.Id, id, [PatchOperation.Set("/supersedes", earlier)], ct);
                await transcripts.SetStatusAsync(study.Id, earlier, TranscriptStatus.Superseded, $"Replaced by the corrected translation {id}.", ct: ct);
            }
            await transcripts.PatchAsync(study.Id, sourceId, [PatchOperation.Set("/translationId", id)], ct);
        }
        await transcripts.SetStatusAsync(study.Id, id, TranscriptStatus.Parsed, more:
        [
            PatchOperation.Set("/format", parsed.Format.ToString()),
            PatchOperation.Set("/turnCount", parsed.Turns.Count),
            PatchOperation.Set("/wordCount", parsed.Turns.Sum(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)),
        ], ct: ct);
        context.Log($"{id}: parsed, {parsed.Turns.Count} turns.");
        await HandOnAsync(transcript, ct);
    }

    /// <summary>
    /// Pairs a source and a translation named only by site and interview id, whichever came first: a translation
    /// finds its source now, or a source finds the translation that was waiting for it.
    /// </summary>
    async Task MeetByInterviewAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        if (transcript.InterviewId is null || transcript.Role is null || transcript.PairId is not null) return;
        var other = (await transcripts.ListAsync(transcript.StudyId, ct)).Where(t => t.Id != transcript.Id && t.SiteId == transcript.SiteId
                && t.InterviewId == transcript.InterviewId && t.Status is not (TranscriptStatus.Rejected or TranscriptStatus.Superseded or TranscriptStatus.Failed))
            .OrderByDescending(t => t.ReceivedAt).ToList();
        if (transcript.Role == "translation" && other.FirstOrDefault(t => t.Role == "source") is { } source)
        {
            transcript.TranslationOf = source.Id;
            await transcripts.PatchAsync(transcript.StudyId, transcript.Id, [PatchOperation.Set("/translationOf", source.Id)], ct);
        }
        else if (transcript.Role == "source" && other.FirstOrDefault(t => t.Role == "translation" && t.TranslationOf is null) is { } translation)
        {
            await transcripts.PatchAsync(transcript.StudyId, translation.Id, [PatchOperation.Set("/translationOf", transcript.Id)], ct);
            await transcripts.PatchAsync(transcript.StudyId, transcript.Id, [PatchOperation.Set("/translationId", translation.Id)], ct);
            // The translation may be waiting at the check already: wake it now that its source is here.
            if (translation.Status == TranscriptStatus.AwaitingTranslationCheck)
                await queues.SendAsync(PipelineQueues.TranslationCheck, new TranscriptMessage(translation.StudyId, translation.Id), ct);
        }
    }

    /// <summary>Sets the marker that tells the upload scan this blob's event is on its way.</summary>
    public async Task MarkQueuedAsync(string blobName, CancellationToken ct)
    {
        var blob = blobs.Uploads.GetBlobClient(blobName);
        var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
        var metadata = new Dictionary<string, string>(properties.Value.Metadata) { [QueuedMarker] = "true" };
        await blob.SetMetadataAsync(metadata, cancellationToken: ct);
    }

    Task HandOnAsync(TranscriptDocument transcript, CancellationToken ct) =>
        queues.SendAsync(PipelineQueues.Pseudonymise, new TranscriptMessage(transcript.StudyId, transcript.Id), ct);

    static string? Problem(StudyDocument study, UploadMetadata upload)
    {
        if (upload.Role is not (null or "source" or "translation")) return "Role must be 'source' or 'translation'.";
        if (upload.Role is not null && upload.InterviewId is null && upload.TranslationOf is null)
            return "A source or translation needs its interview id (or the source's transcript id) so the pair can meet.";
        if (study.Sites.All(s => s.Id != upload.SiteId)) return $"Site '{upload.SiteId}' is not part of study '{study.Id}'.";
        if (upload.Language is { } language && !study.Languages.Contains(language))
            return $"Language '{language}' is not one of study '{study.Id}''s languages ({string.Join(", ", study.Languages)}).";
        return null;
    }

    static IntakeResult Duplicate(TranscriptDocument existing) =>
        new(IntakeOutcome.Duplicate, $"This file was uploaded already as transcript {existing.Id} ({existing.Status}).", existing);

    TranscriptDocument NewDocument(string id, StudyDocument study, UploadMetadata upload, string blobName, string sha, long size)
    {
        var now = clock.GetUtcNow();
        return new TranscriptDocument
        {
            Id = id,
            StudyId = study.Id,
            SiteId = upload.SiteId,
            Language = upload.Language ?? study.Languages.FirstOrDefault() ?? "en",
            InterviewId = upload.InterviewId,
            FileName = UploadMetadata.Displayable(upload.FileName),
            UploadBlob = blobName,
            ContentSha256 = sha,
            SizeBytes = size,
            UploadedBy = upload.UploadedBy ?? "blob-drop",
            TranslationOf = upload.TranslationOf,
            // A transcript not in English is a source: it waits for its translation before anyone codes it.
            Role = upload.TranslationOf is not null ? "translation" : upload.Role ?? (upload.Language is { } l && l != "en" ? "source" : null),
            Status = TranscriptStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
            History = [new StatusChange(TranscriptStatus.Received, now)],
        };
    }

    static string SafeExtension(string fileName)
    {
        var ext = Path.GetExtension(UploadMetadata.Displayable(fileName)).ToLowerInvariant();
        return ext is ".txt" or ".docx" or ".vtt" or ".srt" ? ext : ".bin";
    }
}
