using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Stages.CheckTranslation;

/// <summary>
/// Once a source and its translation are both pseudonymised, checks the pair automatically and puts both in the
/// translation lead's queue. Whichever arrives first waits for the other.
/// </summary>
public sealed class CheckTranslation(
    StageRunner runner,
    TranscriptStore transcripts,
    StudyStore studies,
    TranscriptTexts texts,
    TranslationCheckStore checks,
    TranslationChecks checker,
    TranscriptWorkflow workflow,
    StudyKeys keys,
    TimeProvider clock
)
{
    [Function(nameof(CheckTranslation))]
    public Task RunAsync(
        [QueueTrigger(StageTable.Queues.TranslationCheck)] string message,
        FunctionContext function,
        CancellationToken ct
    ) =>
        runner.RunForTranscriptAsync(
            StageTable.TranslationCheck,
            message,
            function,
            (transcript, context) => CheckAsync(transcript, context, ct),
            ct
        );

    async Task CheckAsync(TranscriptDocument transcript, StageContext context, CancellationToken ct)
    {
        var pair = transcript.PairId is { } pairId ? await transcripts.GetAsync(transcript.StudyId, pairId, ct) : null;

        if (
            pair is null
            || !pair.Status.IsAtLeast(TranscriptStatus.Pseudonymised)
            || pair.Status is TranscriptStatus.Rejected or TranscriptStatus.Failed or TranscriptStatus.Superseded
        )
        {
            if (transcript.Status != TranscriptStatus.AwaitingTranslationCheck)
                await workflow.MoveAsync(
                    transcript,
                    TranscriptStatus.AwaitingTranslationCheck,
                    $"Waiting for its {(transcript.Role == PairRole.Translation || transcript.TranslationOf is not null
                        ? PairRole.Source : PairRole.Translation).Name()}.",
                    ct
                );
            return;
        }

        var (source, translation) = transcript.TranslationOf is null ? (transcript, pair) : (pair, transcript);
        // Both halves of a pair come here when pseudonymised, possibly at once: the pair is checked once per pair of
        // versions, and the check a lead has decided on is never replaced by a second run.
        var existing = await checks.GetAsync(translation.StudyId, translation.Id, ct);
        if (
            existing is not null
            && existing.SourceId == source.Id
            && existing.SourceVersion == source.PseudonymVersion
            && existing.TranslationVersion == translation.PseudonymVersion
        )
        {
            context.Log($"{translation.Id}: checked already for these versions.");
            return;
        }
        var study =
            await studies.GetAsync(transcript.StudyId, ct)
            ?? throw new PipelineException($"Study {transcript.StudyId} is missing.");
        // The keys stay in this function: the check compares originals and reports placeholders and turn numbers only.
        var pairKeys = new PairKeys(await KeyAsync(source, ct), await KeyAsync(translation, ct));
        var check = checker.Run(
            study,
            source,
            await LoadAsync(source, ct),
            translation,
            await LoadAsync(translation, ct),
            pairKeys,
            clock.GetUtcNow()
        );
        check.SourceVersion = source.PseudonymVersion;
        check.TranslationVersion = translation.PseudonymVersion;
        if (
            translation.Supersedes is { } earlier
            && await checks.GetAsync(translation.StudyId, earlier, ct) is { } previous
        )
        {
            // The lead's points on the earlier version stay in view beside the corrected one.
            check.Queries = previous.Queries;
            previous.Review = TranslationReview.Superseded;
            await checks.UpsertAsync(previous, ct);
        }
        if (
            existing is null
                ? !await checks.TryCreateAsync(check, ct)
                : !await checks.TryReplaceAsync(check.With(existing.ETag), ct)
        )
        {
            context.Log($"{translation.Id}: checked meanwhile by another run.");
            return;
        }
        var detail =
            $"Automated check: {check.Flags.Count} flag(s), "
            + $"{check.Flags.Count(f => f.Severity == Severity.High)} high.";
        // The check written once above is this run's claim on the pair; each half moves from wherever it stands now.
        foreach (var t in new[] { source, translation })
            await workflow.MoveFromCurrentAsync(
                t,
                Trigger.CheckTranslation,
                TranscriptStatus.AwaitingTranslationReview,
                detail,
                ct
            );
        context.Log($"{translation.Id}: translation checked, {check.Flags.Count} flag(s).");
    }

    /// <summary>The version's replacement log; empty when it has none (nothing was replaced, or an older
    /// version).</summary>
    async Task<IReadOnlyList<Replacement>> KeyAsync(TranscriptDocument t, CancellationToken ct) =>
        await texts.LoadKeyLogAsync(t.Id, t.PseudonymVersion, ct) is { } sealedLog
            ? KeyLogCipher.Decrypt(sealedLog, keys.KeyEncryptionKey, t.Id)
            : [];

    async Task<List<SpeakerTurn>> LoadAsync(TranscriptDocument t, CancellationToken ct) =>
        await texts.LoadPseudonymisedAsync(t.Id, t.PseudonymVersion, ct)
        ?? throw new PipelineException($"The pseudonymised text of {t.Id} is missing.");
}
