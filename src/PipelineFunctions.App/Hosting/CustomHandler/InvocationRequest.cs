using System.Text.Json;

namespace PipelineFunctions.App.Hosting.CustomHandler;

/// <summary>
/// The Functions host's invocation payload for a non-HTTP trigger: <c>{"Data": {...}, "Metadata": {...}}</c>.
/// Parsed leniently, as the host really sends it: strings arrive JSON-encoded twice, numbers may be strings.
/// </summary>
public sealed record InvocationRequest(string Message, int DequeueCount, string? MessageId)
{
    public static InvocationRequest Parse(string body, string bindingName)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (!root.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw new FormatException("The invocation has no Data object.");
        if (!data.TryGetProperty(bindingName, out var message))
            throw new FormatException($"The invocation's Data has no '{bindingName}' binding.");
        var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new InvocationRequest(
            Unwrap(message),
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("DequeueCount", out var count) ? ParseInt(count) : 1,
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("Id", out var id) ? Unwrap(id) : null);
    }

    /// <summary>Strips up to two layers of JSON string quoting; an object or array stays as its JSON text.</summary>
    public static string Unwrap(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String) return element.GetRawText();
        var value = element.GetString()!;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            try { return JsonSerializer.Deserialize<string>(value) ?? value; }
            catch (JsonException) { return value; }
        }
        return value;
    }

    static int ParseInt(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetInt32(),
        JsonValueKind.String when int.TryParse(Unwrap(element), out var n) => n,
        _ => 1,
    };
}
