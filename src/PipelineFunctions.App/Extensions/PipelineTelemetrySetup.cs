using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage;
using PipelineFunctions.App.Telemetry;

namespace PipelineFunctions.App.Extensions;

/// <summary>
/// OpenTelemetry for the pipeline's source and meter (the API's server spans come from the access middleware; the Functions
/// host's calls into the handler are traced by the function spans themselves). Exporters: the console when
/// <c>Pipeline__TelemetryConsole</c> is true, Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set
/// (with the managed identity when <c>Pipeline__TelemetryManagedIdentity</c> is true, as Application Insights with
/// local auth off requires). Neither: nothing is collected.
/// </summary>
public static class PipelineTelemetrySetup
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static FunctionsApplicationBuilder AddPipelineTelemetry(
        this FunctionsApplicationBuilder builder,
        PipelineSettings settings
    )
    {
        var azureMonitor = builder.Configuration[AzureMonitorSetting];
        var toAzure = !string.IsNullOrWhiteSpace(azureMonitor);
        if (!settings.TelemetryConsole && !toAzure)
            return builder;

        void Configure(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = azureMonitor;
            if (settings.TelemetryManagedIdentity)
                o.Credential = AzureClients.Credential;
        }

        builder
            .Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("PipelineFunctions.App"))
            .WithTracing(t =>
            {
                // The API's server spans come from the access middleware (see there), so no ASP.NET Core instrumentation.
                t.AddSource(PipelineTelemetry.Name);
                if (settings.TelemetryConsole)
                    t.AddConsoleExporter();
                if (toAzure)
                    t.AddAzureMonitorTraceExporter(Configure);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(PipelineTelemetry.Name);
                if (settings.TelemetryConsole)
                    m.AddConsoleExporter(
                        (_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 30_000
                    );
                if (toAzure)
                    m.AddAzureMonitorMetricExporter(Configure);
            });
        return builder;
    }
}
