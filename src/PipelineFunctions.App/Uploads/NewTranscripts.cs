using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Uploads;

/// <summary>What an upload must satisfy against its study, and the transcript document it starts as: shared by the
/// upload API and ingest.</summary>
public static class NewTranscripts
{
    /// <summary>Why the upload cannot belong to the study, or null.</summary>
    public static string? Problem(StudyDocument study, UploadMetadata upload)
    {
        if (upload.Role is not null && PairRoles.Parse(upload.Role) is null)
            return $"Role must be '{PairRole.Source.Name()}' or '{PairRole.Translation.Name()}'.";
        if (upload.Role is not null && upload.InterviewId is null && upload.TranslationOf is null)
            return "A source or translation needs its interview id (or the source's transcript id) so the pair can "
                + "meet.";
        if (study.Sites.All(s => s.Id != upload.SiteId))
            return $"Site '{upload.SiteId}' is not part of study '{study.Id}'.";
        if (upload.Language is { } language && !study.Languages.Contains(language))
            return $"Language '{language}' is not one of study '{study.Id}''s languages "
                + $"({string.Join(", ", study.Languages)}).";
        return null;
    }

    public static TranscriptDocument Document(
        string id,
        StudyDocument study,
        UploadMetadata upload,
        string blobName,
        string sha,
        long size,
        DateTimeOffset now
    ) =>
        new()
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
            Role = upload.TranslationOf is not null
                ? PairRole.Translation
                : PairRoles.Parse(upload.Role) ?? (upload.Language is { } l && l != "en" ? PairRole.Source : null),
            Status = TranscriptStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
            History = [new StatusChange(TranscriptStatus.Received, now)],
        };
}
