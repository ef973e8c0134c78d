using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>The automated check of a translation against its source (container <c>translationChecks</c>, partition <c>/studyId</c>).</summary>
public sealed class TranslationCheckDocument
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("studyId")] public string StudyId { get; set; } = "";
    [JsonProperty("siteId")] public string SiteId { get; set; } = "";
    [JsonProperty("sourceId")] public string SourceId { get; set; } = "";
    [JsonProperty("translationId")] public string TranslationId { get; set; } = "";
    [JsonProperty("flags")] public List<TranslationFlagEntry> Flags { get; set; } = [];
    [JsonProperty("checkedAt")] public DateTimeOffset CheckedAt { get; set; }
}

public sealed record TranslationFlagEntry(
    [property: JsonProperty("kind")] string Kind,
    [property: JsonProperty("severity")] string Severity,
    [property: JsonProperty("sourceTurn")] int? SourceTurn,
    [property: JsonProperty("translationTurn")] int? TranslationTurn,
    [property: JsonProperty("explanation")] string Explanation);
