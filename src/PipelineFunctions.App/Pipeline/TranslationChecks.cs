using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Pipeline;

/// <summary>Runs the automated checks on a pseudonymised pair and shapes the result as the lead's review document.</summary>
public static class TranslationChecks
{
    public static TranslationCheckDocument Run(TranscriptDocument source, IReadOnlyList<SpeakerTurn> sourceTurns,
        TranscriptDocument translation, IReadOnlyList<SpeakerTurn> translationTurns, DateTimeOffset now)
    {
        var alignment = Enumerable.Range(0, Math.Max(sourceTurns.Count, translationTurns.Count))
            .Select(i => new AlignedTurns(i < sourceTurns.Count ? sourceTurns[i].Index : null, i < translationTurns.Count ? translationTurns[i].Index : null))
            .ToList();
        var flags = new List<TranslationFlagEntry>();
        if (sourceTurns.Count != translationTurns.Count)
            flags.Add(new("turn-count", "High", null, null, $"The source has {sourceTurns.Count} turns, the translation {translationTurns.Count}."));
        return new TranslationCheckDocument
        {
            Id = translation.Id,
            StudyId = translation.StudyId,
            SiteId = translation.SiteId,
            SourceId = source.Id,
            TranslationId = translation.Id,
            SourceLanguage = source.Language,
            TranslationLanguage = translation.Language,
            Supersedes = translation.Supersedes,
            Alignment = alignment,
            Flags = flags,
            CheckedAt = now,
            Review = TranslationReview.Pending,
        };
    }
}
