using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>A study's pseudonym numbering (keyed digests to numbers; no identifiers). Container <c>pseudonymBooks</c>.</summary>
public sealed class PseudonymBookDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("numbers")]
    public Dictionary<string, int> Numbers { get; set; } = [];

    [JsonProperty("_etag")]
    public string? ETag { get; set; }
}
