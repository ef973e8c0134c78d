using System.Collections.Concurrent;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Stages.CheckTranslation;

/// <summary>
/// Runs the automated checks on a pseudonymised pair and shapes the result as the lead's review document. One checker
/// per set of study languages is kept for the app's life: its language models are costly to load.
/// </summary>
public sealed class TranslationChecks
{
    readonly ConcurrentDictionary<string, Lazy<TranslationChecker>> _checkers = new();

    public TranslationCheckDocument Run(
        StudyDocument study,
        TranscriptDocument source,
        IReadOnlyList<SpeakerTurn> sourceTurns,
        TranscriptDocument translation,
        IReadOnlyList<SpeakerTurn> translationTurns,
        PairKeys? keys,
        DateTimeOffset now
    )
    {
        var languages = string.Join(',', study.Languages.Order(StringComparer.Ordinal));
        var checker = _checkers
            .GetOrAdd(languages, _ => new Lazy<TranslationChecker>(() => new TranslationChecker(study.Languages)))
            .Value;
        var result = checker.Check(sourceTurns, source.Language, translationTurns, translation.Language, keys);
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
            Alignment = result.Alignment.Select(a => new AlignedTurns(a.SourceTurn, a.TranslationTurn)).ToList(),
            Flags = result
                .Flags.Select(f => new TranslationFlagEntry(
                    f.Kind,
                    f.Severity,
                    f.SourceTurn,
                    f.TranslationTurn,
                    f.Explanation
                ))
                .ToList(),
            CheckedAt = now,
            Review = TranslationReview.Pending,
        };
    }
}
