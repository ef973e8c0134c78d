using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Builder;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Language;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Stages;
using PipelineFunctions.App.Stages.CheckTranslation;
using PipelineFunctions.App.Stages.SuggestCodes;
using PipelineFunctions.App.Storage;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.App.Extensions;

public static class PipelineServices
{
    public static FunctionsApplicationBuilder AddPipeline(this FunctionsApplicationBuilder builder)
    {
        var settings =
            builder.Configuration.GetSection(PipelineSettings.Section).Get<PipelineSettings>()
            ?? new PipelineSettings();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = 2 * settings.MaxUploadBytes + 1024 * 1024
        );
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
            f.MultipartBodyLengthLimit = 2 * settings.MaxUploadBytes + 1024 * 1024
        );
        builder.AddPipelineTelemetry(settings);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StudyKeys>();
        services.AddSingleton<CosmosContainers>();
        services.AddSingleton<BlobContainers>();
        services.AddSingleton<PipelineQueues>();
        services.AddSingleton<StudyStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<ITranscriptStatuses>(s => s.GetRequiredService<TranscriptStore>());
        services.AddSingleton<IStageQueues>(s => s.GetRequiredService<PipelineQueues>());
        services.AddSingleton<StudySummaryStore>();
        services.AddSingleton<IStudySummaries>(s => s.GetRequiredService<StudySummaryStore>());
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<PseudonymBookStore>();
        services.AddSingleton<TranscriptTexts>();
        services.AddSingleton<TranslationCheckStore>();
        services.AddSingleton<CodingStore>();
        services.AddSingleton<StudyCodings>();
        services.AddSingleton<CodingsMerge>();
        services.AddSingleton<CodeUses>();
        services.AddSingleton<AnchoredCodings>();
        services.AddSingleton<SearchIndexStore>();
        services.AddSingleton<Search.SearchPassages>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<TranscriptWorkflow>();
        services.AddSingleton<ApprovedPairs>();
        services.AddSingleton<SiteCheck.PseudonymisationCorrections>();
        services.AddSingleton<StageRunner>();
        services.AddSingleton<CodedExamples>();
        services.AddSingleton<EngineReliability>();
        // One model per process and one engine per study for the worker's life: the sentence model loads once.
        services.AddSingleton(_ => new StudyModels(
            SharedEmbeddings.Instance,
            Core.Suggestions.SuggestionOptions.Default
        ));
        services.AddSingleton(_ => new Core.Suggestions.Induction.CodeProposals(SharedEmbeddings.Instance));
        services.AddSingleton<TranslationChecks>();
        services.AddSingleton<TranscriptUploads>();
        services.AddSingleton<StudyExchange>();
        services.AddSingleton<ImportPlans>();
        services.AddSingleton<PoisonReplay>();
        services.AddSingleton<StalledTranscripts>();
        services.AddSingleton<AzurePiiDetections>();
        services.AddSingleton<AzureSuggestionFeatures>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<WorkerWarmUp>();

        // One scheme per deployment: API keys locally, Entra ID through App Service in Azure (where keys are refused).
        services.AddSingleton<ISignIn>(
            settings.Authentication switch
            {
                ApiKeySignIn.SchemeName => new ApiKeySignIn(settings),
                AppServiceSignIn.SchemeName => new AppServiceSignIn(),
                _ => throw new InvalidOperationException("Pipeline:Authentication must be ApiKey or AppService."),
            }
        );
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
