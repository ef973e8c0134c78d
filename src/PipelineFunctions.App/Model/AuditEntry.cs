using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// One line of the append-only audit log (container <c>audit</c>, partition <c>/studyId</c>): who read or changed
/// what, when, from where. It names ids and actions only, never identifiers or text.
/// </summary>
public sealed class AuditEntry
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    [JsonProperty("user")]
    public string User { get; set; } = "";

    [JsonProperty("roles")]
    public List<string> Roles { get; set; } = [];

    [JsonProperty("action")]
    public string Action { get; set; } = "";

    [JsonProperty("target")]
    public string Target { get; set; } = "";

    [JsonProperty("from")]
    public string? From { get; set; }
}
