using System.Text.Json;
using System.Text.RegularExpressions;

namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>
/// The app settings as Core Tools see them: local.settings.json's <c>Values</c> and the environment, where a variable
/// already set wins (so a test or a shell can override one setting of the file). They are handed to the worker as
/// environment variables, and resolve <c>%name%</c> in binding properties.
/// </summary>
public sealed partial class AppSettings(IReadOnlyDictionary<string, string> values)
{
    public const string StorageSetting = "AzureWebJobsStorage";

    public IReadOnlyDictionary<string, string> Values => values;

    public static AppSettings Load(string? file)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (file is not null)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("Values", out var section))
                foreach (var p in section.EnumerateObject())
                    values[p.Name] =
                        Environment.GetEnvironmentVariable(p.Name)
                        ?? (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }
        return new(values);
    }

    public string? Get(string name) =>
        values.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    public int GetInt(string name, int fallback) => int.TryParse(Get(name), out var v) ? v : fallback;

    /// <summary>Replaces every <c>%name%</c> by its setting, as the Functions host does for queue names.</summary>
    public string Resolve(string text) =>
        Placeholder()
            .Replace(
                text,
                m =>
                    Get(m.Groups[1].Value)
                    ?? throw new InvalidOperationException($"The setting '{m.Groups[1].Value}' is missing.")
            );

    /// <summary>A binding's <c>connection</c> names a setting; the Functions host also tries <c>AzureWebJobs</c> + name.</summary>
    public string ConnectionString(string? name)
    {
        name = string.IsNullOrEmpty(name) ? StorageSetting : name;
        return Get(name)
            ?? Get("AzureWebJobs" + name)
            ?? Get(name + "__connectionString")
            ?? throw new InvalidOperationException($"The connection setting '{name}' is missing.");
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
