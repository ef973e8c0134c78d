using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace PipelineFunctions.App.Model;

public sealed record StatusChange(
    [property: JsonProperty("status"), JsonConverter(typeof(StringEnumConverter))] TranscriptStatus Status,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("detail")] string? Detail = null
);
