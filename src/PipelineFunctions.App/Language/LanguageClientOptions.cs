using Azure.Core;

namespace PipelineFunctions.App.Language;

/// <summary>Options for <see cref="LanguageClient"/>, as the Azure SDK's clients take them.</summary>
public sealed class LanguageClientOptions : ClientOptions
{
    public enum ServiceVersion
    {
        V2023_04_01 = 1,
    }

    public LanguageClientOptions(ServiceVersion version = ServiceVersion.V2023_04_01)
    {
        Version = version switch
        {
            ServiceVersion.V2023_04_01 => "2023-04-01",
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };
        // Transcript text must never reach a log: no request or response bodies in diagnostics.
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsTelemetryEnabled = false;
        Retry.MaxRetries = 5;
    }

    public string Version { get; }
}
