using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using PipelineFunctions.App.Functions;
using PipelineFunctions.App.Hosting;
using PipelineFunctions.App.Hosting.CustomHandler;
using PipelineFunctions.App.Hosting.LocalTriggers;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Extensions;

public static class PipelineServices
{
    public static WebApplicationBuilder AddPipeline(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddFunctionsLocalSettings(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
        var settings = builder.Configuration.GetSection(PipelineSettings.Section).Get<PipelineSettings>() ?? new PipelineSettings();
        // The Functions host hands the custom handler its port.
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2 * settings.MaxUploadBytes + 1024 * 1024);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = 2 * settings.MaxUploadBytes + 1024 * 1024);

        builder.AddPipelineTelemetry(settings);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new FunctionDefinitions(AppContext.BaseDirectory));
        services.AddSingleton<StudyKeys>();
        services.AddSingleton<CosmosContainers>();
        services.AddSingleton<BlobContainers>();
        services.AddSingleton<PipelineQueues>();
        services.AddSingleton<StudyStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<PseudonymBookStore>();
        services.AddSingleton<TranscriptTexts>();
        services.AddSingleton<TranslationCheckStore>();
        services.AddSingleton<CodingStore>();
        services.AddSingleton<CodedExamples>();
        services.AddSingleton<TranslationChecks>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<TranscriptIntake>();
        services.AddSingleton<Exchange.StudyExchange>();
        services.AddSingleton<PoisonReplay>();
        services.AddSingleton<Language.AzurePiiDetections>();
        services.AddSingleton<Language.AzureSuggestionFeatures>();
        services.AddSingleton<IQueueFunction, Functions.IngestTranscript.IngestTranscript>();
        services.AddSingleton<IQueueFunction, Functions.PseudonymiseTranscript.PseudonymiseTranscript>();
        services.AddSingleton<IQueueFunction, Functions.CheckTranslation.CheckTranslation>();
        services.AddSingleton<IQueueFunction, Functions.SuggestCodes.SuggestCodes>();
        services.AddSingleton<FunctionInvoker>();
        services.AddHostedService<StorageInitializer>();
        if (settings.LocalTriggers)
        {
            services.AddHostedService<LocalTriggerRunner>();
            services.AddSingleton<UploadScanner>();
            services.AddHostedService(sp => sp.GetRequiredService<UploadScanner>());
        }

        if (settings.Authentication is not (ApiKeyAuthentication.SchemeName or AppServicePrincipalAuthentication.SchemeName))
            throw new InvalidOperationException("Pipeline:Authentication must be ApiKey or AppService.");
        // One scheme per deployment: API keys locally, Entra ID through App Service in Azure (where keys are refused).
        if (settings.Authentication == AppServicePrincipalAuthentication.SchemeName)
            services.AddAuthentication(AppServicePrincipalAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, AppServicePrincipalAuthentication>(AppServicePrincipalAuthentication.SchemeName, null);
        else
            services.AddAuthentication(ApiKeyAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
