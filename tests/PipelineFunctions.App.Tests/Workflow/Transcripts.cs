using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Tests.Workflow;

/// <summary>Transcript documents as the workflow sees them: ids, a status, and the pair they belong to.</summary>
public static class Transcripts
{
    public enum Kind
    {
        Single,
        Source,
        Translation,
    }

    public static TranscriptDocument At(
        TranscriptStatus status,
        Kind kind = Kind.Single,
        DateTimeOffset? updatedAt = null
    ) =>
        new()
        {
            Id = $"t-{kind}-{status}".ToLowerInvariant(),
            StudyId = "study-1",
            SiteId = "kampala",
            Status = status,
            Role = kind switch
            {
                Kind.Source => PairRole.Source,
                Kind.Translation => PairRole.Translation,
                _ => null,
            },
            TranslationOf = kind == Kind.Translation ? "t-source" : null,
            UpdatedAt = updatedAt ?? DateTimeOffset.UnixEpoch,
            History = [new(status, updatedAt ?? DateTimeOffset.UnixEpoch)],
        };
}
