using System.Text.Json.Nodes;

namespace PipelineFunctions.Cli.Api;

/// <summary>
/// The caller's API key, read from an environment variable, and the app's message from an error body.
/// </summary>
public static class ApiKey
{
    /// <param name="variable">The environment variable that holds the key; <c>PIPELINE_API_KEY</c> when null.</param>
    public static string From(string? variable)
    {
        variable ??= "PIPELINE_API_KEY";
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key
            ? key
            : throw new ArgumentException($"Set the API key in ${variable}.");
    }

    public static string Message(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json
                ? (string?)json["detail"] ?? (string?)json["message"] ?? "no message"
                : "no message";
        }
        catch (System.Text.Json.JsonException)
        {
            return "no message";
        }
    }
}
