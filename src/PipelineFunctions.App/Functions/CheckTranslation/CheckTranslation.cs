using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Functions.CheckTranslation;

/// <summary>
/// Once a source and its translation are both pseudonymised, checks the pair automatically and puts both in the
/// translation lead's queue. Whichever arrives first waits for the other.
/// </summary>
public sealed class CheckTranslation(TranscriptStore transcripts, TranscriptTexts texts, CosmosContainers cosmos, TimeProvider clock)
    : TranscriptStep(transcripts)
{
    public override string Name => nameof(CheckTranslation);
    protected override string Stage => "Translation check";

    protected override async Task RunAsync(TranscriptDocument transcript, FunctionContext context, CancellationToken ct)
    {
        if (transcript.Status.IsAtLeast(TranscriptStatus.AwaitingTranslationReview)) return;
        if (!transcript.Status.IsAtLeast(TranscriptStatus.Pseudonymised))
            throw new PipelineException($"Transcript {transcript.Id} is {transcript.Status}, not pseudonymised.");
        var pair = transcript.PairId is { } pairId ? await Transcripts.GetAsync(transcript.StudyId, pairId, ct) : null;
        if (pair is null) throw new PipelineException($"Transcript {transcript.Id} names a pair that does not exist.");

        if (!pair.Status.IsAtLeast(TranscriptStatus.Pseudonymised) || pair.Status is TranscriptStatus.Rejected or TranscriptStatus.Failed)
        {
            if (transcript.Status != TranscriptStatus.AwaitingTranslationCheck)
                await Transcripts.SetStatusAsync(transcript.StudyId, transcript.Id, TranscriptStatus.AwaitingTranslationCheck,
                    $"Waiting for its {(transcript.TranslationOf is null ? "translation" : "source")}.", ct: ct);
            return;
        }

        var (source, translation) = transcript.TranslationOf is null ? (transcript, pair) : (pair, transcript);
        var sourceTurns = await LoadAsync(source, ct);
        var translationTurns = await LoadAsync(translation, ct);
        var check = new TranslationCheckDocument
        {
            Id = translation.Id,
            StudyId = translation.StudyId,
            SiteId = translation.SiteId,
            SourceId = source.Id,
            TranslationId = translation.Id,
            Flags = BasicFlags(sourceTurns, translationTurns),
            CheckedAt = clock.GetUtcNow(),
        };
        await cosmos.TranslationChecks.UpsertItemAsync(check, new PartitionKey(check.StudyId), cancellationToken: ct);
        var detail = $"Automated check: {check.Flags.Count} flag(s).";
        foreach (var t in new[] { source, translation })
            await Transcripts.SetStatusAsync(t.StudyId, t.Id, TranscriptStatus.AwaitingTranslationReview, detail, ct: ct);
        context.Log($"{translation.Id}: translation checked, {check.Flags.Count} flag(s).");
    }

    async Task<List<SpeakerTurn>> LoadAsync(TranscriptDocument t, CancellationToken ct) =>
        await texts.LoadPseudonymisedAsync(t.Id, t.PseudonymVersion, ct) ?? throw new PipelineException($"The pseudonymised text of {t.Id} is missing.");

    static List<TranslationFlagEntry> BasicFlags(IReadOnlyList<SpeakerTurn> source, IReadOnlyList<SpeakerTurn> translation)
    {
        var flags = new List<TranslationFlagEntry>();
        if (source.Count != translation.Count)
            flags.Add(new("turn-count", "High", null, null, $"The source has {source.Count} turns, the translation {translation.Count}."));
        return flags;
    }
}
