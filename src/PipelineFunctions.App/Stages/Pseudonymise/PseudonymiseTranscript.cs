using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Language;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.SiteCheck;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Stages.Pseudonymise;

/// <summary>Replaces identifiers with the study's consistent pseudonyms; hands the transcript to the site's check, the
/// translation check or suggestion, as the transition table says.</summary>
public sealed class PseudonymiseTranscript(
    StageRunner runner,
    StudyStore studies,
    TranscriptTexts texts,
    PseudonymBookStore books,
    ReviewStore review,
    SearchIndexStore searchIndex,
    TranscriptWorkflow workflow,
    StudyKeys keys,
    AzurePiiDetections cloud,
    AnchoredCodings codings
)
{
    [Function(nameof(PseudonymiseTranscript))]
    public Task RunAsync(
        [QueueTrigger(StageTable.Queues.Pseudonymise)] string message,
        FunctionContext function,
        CancellationToken ct
    ) =>
        runner.RunForTranscriptAsync(
            StageTable.Pseudonymise,
            message,
            function,
            (transcript, context) => PseudonymiseAsync(transcript, context, ct),
            ct
        );

    internal async Task PseudonymiseAsync(TranscriptDocument transcript, StageContext context, CancellationToken ct)
    {
        var parsed =
            await texts.LoadParsedAsync(transcript.Id, ct)
            ?? throw new PipelineException($"The parsed text of {transcript.Id} is missing.");
        var study =
            await studies.GetAsync(transcript.StudyId, ct)
            ?? throw new PipelineException($"Study {transcript.StudyId} is missing.");
        var to =
            Transitions.Target(Trigger.Pseudonymise, transcript.Status, transcript, study)
            ?? throw new PipelineException(
                $"No transition takes transcript {transcript.Id} on from " + $"{transcript.Status}."
            );
        // Site names and codebook terms are the study's own words: they stay, so "#9, Kampala, PSW" keeps its citation.
        var allowed = study
            .AllowList.Concat(study.Sites.SelectMany(s => new[] { s.Id, s.Name }))
            .Concat(study.Codebook?.Codes.SelectMany(c => c.Name.Split(' ')) ?? [])
            .ToList();
        var settings = new StudyPseudonymisation(
            keys.PseudonymKey(study.Id),
            await texts.LoadRosterAsync(study.Id, ct),
            allowed,
            study.PlaceholderStyle
        );

        var external = await cloud.DetectAsync(study.AllowCloudLanguage, parsed.Turns, transcript.Language, ct);
        PseudonymisedTranscript result;
        for (var attempt = 1; ; attempt++)
        {
            var (book, etag) = await books.LoadAsync(study.Id, ct);
            result = new TranscriptPseudonymiser(settings, book).Pseudonymise(
                parsed.Turns,
                transcript.Language,
                external
            );
            if (!book.Changed || await books.TrySaveAsync(study.Id, book, etag, ct))
                break;
            if (attempt == 10)
                throw new PipelineException("The study's pseudonym numbering was too busy; will retry.");
        }

        var version = transcript.PseudonymVersion + 1;
        var segments = result
            .Turns.Select(t => new SegmentDocument
            {
                Id = $"{transcript.Id}:{t.Index}",
                TranscriptId = transcript.Id,
                StudyId = transcript.StudyId,
                Segment = t.Index,
                Speaker = t.Speaker,
                Text = t.Text,
                Start = t.Start,
                End = t.End,
                PseudonymVersion = version,
            })
            .ToList();
        // A version made again (a correction): the coders' sub-spans are carried to the new text by their words.
        var before =
            transcript.PseudonymVersion > 0
                ? (await review.SegmentsAsync(transcript.Id, ct)).ToDictionary(s => s.Segment, s => s.Text)
                : null;
        // The version's stored forms are independent writes, so they go at once; each is named by transcript and
        // version (a redelivery writes the same again), and all are done before the status moves on, so a transcript
        // ready for coding is always in the search index in its current version.
        await Task.WhenAll(
            texts.SavePseudonymisedAsync(transcript.Id, version, result.Turns, ct),
            texts.SaveKeyLogAsync(
                transcript.Id,
                version,
                KeyLogCipher.Encrypt(result.Replacements, keys.KeyEncryptionKey, transcript.Id),
                ct
            ),
            review.ReplaceSegmentsAsync(transcript.Id, segments, ct),
            searchIndex.WriteAsync(transcript, segments, version, ct)
        );
        // Imported work counts in the original text; the first version carries it there by the replacement log.
        var flagged = await codings.CarryAsync(
            transcript.Id,
            new AnchoredCodings.NewVersion(
                before,
                segments.ToDictionary(s => s.Segment, s => s.Text),
                parsed.Turns.ToDictionary(t => t.Index, t => t.Text),
                result.Replacements.ToLookup(r => r.TurnIndex)
            ),
            ct
        );

        transcript.PseudonymVersion = version;
        // The site's check first, where the study has it and the site has not released the transcript yet; then a
        // source or
        // translation goes on to the translation check (whichever half came first waits there); any other to
        // suggestion.
        // A second delivery that ran alongside loses the move here and queues nothing; its writes were the same
        // documents.
        if (
            !await workflow.MoveAsync(
                transcript,
                to,
                null,
                ct,
                new TranscriptFacts(PseudonymVersion: version, UnsureSpans: UnsureSpans.Of(result))
            )
        )
            context.Log($"{transcript.Id}: moved meanwhile by another delivery; nothing handed on.");
        else
            context.Log(
                $"{transcript.Id}: pseudonymised v{version}, {result.Replacements.Count} replacements, "
                    + $"{flagged} coding(s) for their coders to confirm."
            );
    }
}
