using Azure;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage;

namespace PipelineFunctions.App.Language;

static class LanguageClients
{
    /// <summary>The configured Language client (key, or the managed identity when no key is set), or null when none is configured.</summary>
    public static LanguageClient? From(PipelineSettings settings) =>
        string.IsNullOrEmpty(settings.LanguageEndpoint) ? null
        : string.IsNullOrEmpty(settings.LanguageKey)
            ? new LanguageClient(new Uri(settings.LanguageEndpoint), AzureClients.Credential)
        : new LanguageClient(new Uri(settings.LanguageEndpoint), new AzureKeyCredential(settings.LanguageKey));
}
