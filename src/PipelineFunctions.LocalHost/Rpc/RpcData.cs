using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Rpc;

/// <summary><c>TypedData</c> values, shaped as the Functions host sends them (numbers as JSON: the worker refuses <c>int</c>).</summary>
public static class RpcData
{
    static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static JsonObject String(string value) => new() { ["string"] = value };

    public static JsonObject Json<T>(T value) => new() { ["json"] = JsonSerializer.Serialize(value) };

    /// <summary>Text when the bytes are UTF-8 (as a queue message's string is), bytes otherwise.</summary>
    public static JsonObject Body(BinaryData body)
    {
        try
        {
            return String(StrictUtf8.GetString(body.ToMemory().Span));
        }
        catch (DecoderFallbackException)
        {
            return new() { ["bytes"] = Convert.ToBase64String(body.ToMemory().Span) };
        }
    }
}
