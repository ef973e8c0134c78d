namespace PipelineFunctions.App.Extensions;

public static class FunctionsLocalSettings
{
    /// <summary>
    /// Reads <c>local.settings.json</c>'s <c>Values</c> as the Functions tooling does, so one file configures the app
    /// locally while Azure passes the same names as app settings (environment variables, which win).
    /// </summary>
    public static IConfigurationBuilder AddFunctionsLocalSettings(this IConfigurationManager configuration, string path)
    {
        if (File.Exists(path))
        {
            var values = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))?["Values"]?.AsObject();
            if (values is not null)
            {
                var pairs = values.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":"), v.Value?.ToString()));
                // Inserted first so that environment variables and command-line arguments still override it.
                configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = pairs });
            }
        }
        return configuration;
    }
}
