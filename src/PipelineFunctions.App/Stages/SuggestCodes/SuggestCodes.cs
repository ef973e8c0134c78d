using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Language;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.App.Stages.SuggestCodes;

/// <summary>Suggests candidate codes from the study's codebook for each passage of the pseudonymised text.</summary>
public sealed class SuggestCodes(StageRunner runner, StudyStore studies, TranscriptTexts texts, ReviewStore review,
    AzureSuggestionFeatures cloud, CodedExamples examples, TranscriptWorkflow workflow, TimeProvider clock)
{
    [Function(nameof(SuggestCodes))]
    public Task RunAsync([QueueTrigger(StageTable.Queues.Suggest)] string message, FunctionContext function, CancellationToken ct) =>
        runner.RunForTranscriptAsync(StageTable.Suggest, message, function, (transcript, context) => SuggestAsync(transcript, context, ct), ct);

    async Task SuggestAsync(TranscriptDocument transcript, StageContext context, CancellationToken ct)
    {
        if (transcript.Status is TranscriptStatus.SuggestionsReady or TranscriptStatus.Superseded or TranscriptStatus.Rejected) return;
        if (!transcript.Status.IsAtLeast(TranscriptStatus.Pseudonymised))
            throw new PipelineException($"Transcript {transcript.Id} is {transcript.Status}, not pseudonymised.");

        var study = await studies.GetAsync(transcript.StudyId, ct) ?? throw new PipelineException($"Study {transcript.StudyId} is missing.");
        if (study.Codebook is null) throw new PipelineException($"Study {study.Id} has no codebook.");
        var turns = await texts.LoadPseudonymisedAsync(transcript.Id, transcript.PseudonymVersion, ct)
            ?? throw new PipelineException($"The pseudonymised text of {transcript.Id} is missing.");

        var options = SuggestionOptions.Default;
        var units = CodingUnits.FromTurns(turns, options);
        var keyPhrases = await cloud.KeyPhrasesAsync(study.AllowCloudLanguage, units, transcript.Language, ct);
        var learned = await examples.ForStudyAsync(study.Id, transcript.Id, ct);
        var local = new LocalSuggestionEngine(study.Codebook, learned, options).Suggest(units, keyPhrases);
        var suggestions = await cloud.MergeCustomAsync(study.AllowCloudLanguage, study.Codebook, local, transcript.Language, options, ct);
        var now = clock.GetUtcNow();
        var documents = suggestions
            .SelectMany(u => u.Suggestions.Select(s => new SuggestionDocument
            {
                Id = $"{transcript.Id}:{u.Unit.Segment}:{s.CodeId}",
                TranscriptId = transcript.Id,
                StudyId = transcript.StudyId,
                Segment = u.Unit.Segment,
                CodeId = s.CodeId,
                CodeName = s.CodeName,
                Confidence = s.Confidence,
                Evidence = [.. s.Evidence],
                Engine = s.Engine,
                CodebookVersion = study.CodebookVersion ?? "",
                CreatedAt = now,
            }))
            .ToList();
        await review.ReplaceSuggestionsAsync(transcript.Id, documents, ct);
        await workflow.MoveAsync(transcript, TranscriptStatus.SuggestionsReady, null, ct,
            new TranscriptFacts(SuggestionCount: documents.Count, CodebookVersion: study.CodebookVersion));
        context.Log($"{transcript.Id}: {documents.Count} suggestions, {learned.Count} coded examples.");
    }
}
