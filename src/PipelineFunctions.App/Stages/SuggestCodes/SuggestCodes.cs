using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Language;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Reliability;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.App.Stages.SuggestCodes;

/// <summary>Suggests candidate codes from the study's codebook for each passage of the pseudonymised text.</summary>
public sealed class SuggestCodes(
    StageRunner runner,
    StudyStore studies,
    TranscriptTexts texts,
    ReviewStore review,
    AzureSuggestionFeatures cloud,
    CodedExamples examples,
    StudyModels models,
    EngineReliability reliability,
    TranscriptWorkflow workflow,
    TimeProvider clock
)
{
    [Function(nameof(SuggestCodes))]
    public Task RunAsync(
        [QueueTrigger(StageTable.Queues.Suggest)] string message,
        FunctionContext function,
        CancellationToken ct
    ) =>
        runner.RunForTranscriptAsync(
            StageTable.Suggest,
            message,
            function,
            (transcript, context) => SuggestAsync(transcript, context, ct),
            ct
        );

    async Task SuggestAsync(TranscriptDocument transcript, StageContext context, CancellationToken ct)
    {
        var study =
            await studies.GetAsync(transcript.StudyId, ct)
            ?? throw new PipelineException($"Study {transcript.StudyId} is missing.");
        if (study.Codebook is null)
            throw new PipelineException($"Study {study.Id} has no codebook.");
        var turns =
            await texts.LoadPseudonymisedAsync(transcript.Id, transcript.PseudonymVersion, ct)
            ?? throw new PipelineException($"The pseudonymised text of {transcript.Id} is missing.");

        var options = SuggestionOptions.Default;
        var units = CodingUnits.FromTurns(turns, options);
        var unread = Abstention.ForLanguage(transcript.Language);
        // The passages are embedded (the long part) while the coders' decisions and the engine's agreement load.
        var prepared = unread is null ? Task.Run(() => models.Prepare(units), ct) : Task.CompletedTask;
        var decisions = await examples.ForStudyAsync(study.Id, transcript.Id, ct);
        // Codes the engine is guessing at (by its agreement with the coders so far) are held back, and the passage says
        // so.
        var agreement = await reliability.ForStudyAsync(study, ct);
        var held = unread is not null
            ? units.Select(u => new WithheldCodes.Result(new UnitSuggestions(u, [], unread), [])).ToList()
            : (await EngineSuggestAsync(study, decisions, units, options, prepared))
                .Select(u => WithheldCodes.Apply(u, agreement))
                .ToList();
        var local = held.Select(h => h.Shown).ToList();
        var suggestions = unread is not null
            ? local
            : await cloud.MergeCustomAsync(
                study.AllowCloudLanguage,
                study.Codebook,
                local,
                transcript.Language,
                options,
                ct
            );
        var now = clock.GetUtcNow();
        SuggestionDocument Document(int segment, string codeId) =>
            new()
            {
                Id = $"{transcript.Id}:{segment}:{codeId}",
                TranscriptId = transcript.Id,
                StudyId = transcript.StudyId,
                Segment = segment,
                CodeId = codeId,
                CodebookVersion = study.CodebookVersion ?? "",
                CreatedAt = now,
            };
        var documents = suggestions
            .SelectMany(u =>
                u.Abstained is { } why
                    // A passage nothing fits is its own outcome, kept so the workspace can say why it has no suggestion.
                    ? [Document(u.Unit.Segment, SuggestionDocument.Abstention).With(d => d.Abstained = why)]
                    : u.Suggestions.Select(s =>
                        Document(u.Unit.Segment, s.CodeId)
                            .With(d =>
                            {
                                d.CodeName = s.CodeName;
                                d.Confidence = s.Confidence;
                                d.Evidence = [.. s.Evidence];
                                d.Engine = s.Engine;
                            })
                    )
            )
            .Concat(
                held.SelectMany(h =>
                    h.Withheld.Select(s =>
                        Document(h.Shown.Unit.Segment, s.CodeId)
                            .With(d =>
                            {
                                d.CodeName = s.CodeName;
                                d.Confidence = s.Confidence;
                                d.Engine = s.Engine;
                                d.Withheld = true;
                            })
                    )
                )
            )
            .ToList();
        await review.ReplaceSuggestionsAsync(transcript.Id, documents, ct);
        // A second delivery that ran alongside wrote the same documents (ids by passage and code) and loses the move
        // here.
        if (
            !await workflow.MoveAsync(
                transcript,
                TranscriptStatus.SuggestionsReady,
                null,
                ct,
                new TranscriptFacts(
                    SuggestionCount: documents.Count(d => d.IsShown),
                    CodebookVersion: study.CodebookVersion
                )
            )
        )
            context.Log($"{transcript.Id}: moved meanwhile by another delivery; nothing handed on.");
        else
            context.Log(
                $"{transcript.Id}: {documents.Count} suggestions, {decisions.Count} coders' decisions learned."
            );
    }

    /// <summary>
    /// The study's semantic model, which learns the decisions it has not seen yet (incrementally, as each transcript is
    /// suggested); the lexical engine where the sentence model cannot run on this machine.
    /// </summary>
    async Task<IReadOnlyList<UnitSuggestions>> EngineSuggestAsync(
        StudyDocument study,
        IReadOnlyList<CodingDecision> decisions,
        IReadOnlyList<CodingUnit> units,
        SuggestionOptions options,
        Task prepared
    )
    {
        try
        {
            await prepared;
            return models.Suggest(study.Id, study.Codebook!, decisions, units);
        }
        catch (Exception e)
            when (e
                    is TypeInitializationException
                        or DllNotFoundException
                        or BadImageFormatException
                        or EntryPointNotFoundException
            )
        {
            return SuggestionEngines.Create(study.Codebook!, decisions, options).Suggest(units);
        }
    }
}
