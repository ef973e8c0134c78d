using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A translation checked against its source, and the translation lead's review of it
/// (container <c>translationChecks</c>, partition <c>/studyId</c>, id = the translation's id).
/// </summary>
public sealed class TranslationCheckDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("siteId")]
    public string SiteId { get; set; } = "";

    [JsonProperty("sourceId")]
    public string SourceId { get; set; } = "";

    [JsonProperty("translationId")]
    public string TranslationId { get; set; } = "";

    [JsonProperty("sourceLanguage")]
    public string SourceLanguage { get; set; } = "";

    [JsonProperty("translationLanguage")]
    public string TranslationLanguage { get; set; } = "";

    /// <summary>The translation this one corrects, when it is a corrected version.</summary>
    [JsonProperty("supersedes")]
    public string? Supersedes { get; set; }

    [JsonProperty("alignment")]
    public List<AlignedTurns> Alignment { get; set; } = [];

    [JsonProperty("flags")]
    public List<TranslationFlagEntry> Flags { get; set; } = [];

    [JsonProperty("checkedAt")]
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>The pseudonymised versions checked: a pair is checked once per pair of versions.</summary>
    [JsonProperty("sourceVersion")]
    public int SourceVersion { get; set; }

    [JsonProperty("translationVersion")]
    public int TranslationVersion { get; set; }

    [JsonProperty("review"), JsonConverter(typeof(StringEnumConverter))]
    public TranslationReview Review { get; set; }

    [JsonProperty("decidedBy")]
    public string? DecidedBy { get; set; }

    [JsonProperty("decidedAt")]
    public DateTimeOffset? DecidedAt { get; set; }

    [JsonProperty("queries")]
    public List<TranslationQuery> Queries { get; set; } = [];

    [JsonProperty("_etag")]
    public string? ETag { get; set; }

    /// <summary>This document, to replace the stored one read with <paramref name="etag"/>.</summary>
    public TranslationCheckDocument With(string? etag)
    {
        ETag = etag;
        return this;
    }
}

public enum TranslationReview
{
    Pending,
    Approved,
    Queried,
    Superseded,
}

public sealed record AlignedTurns(
    [property: JsonProperty("sourceTurn")] int? SourceTurn,
    [property: JsonProperty("translationTurn")] int? TranslationTurn
);

public sealed record TranslationFlagEntry(
    [property: JsonProperty("kind")] string Kind,
    [property: JsonProperty("severity"), JsonConverter(typeof(StringEnumConverter))] Severity Severity,
    [property: JsonProperty("sourceTurn")] int? SourceTurn,
    [property: JsonProperty("translationTurn")] int? TranslationTurn,
    [property: JsonProperty("explanation")] string Explanation
);

/// <summary>A point the translation lead sends back to the site about a turn, and the site's answer.</summary>
public sealed class TranslationQuery
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("sourceTurn")]
    public int? SourceTurn { get; set; }

    [JsonProperty("translationTurn")]
    public int? TranslationTurn { get; set; }

    [JsonProperty("comment")]
    public string Comment { get; set; } = "";

    [JsonProperty("by")]
    public string By { get; set; } = "";

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    [JsonProperty("answer")]
    public string? Answer { get; set; }

    [JsonProperty("answeredBy")]
    public string? AnsweredBy { get; set; }

    [JsonProperty("answeredAt")]
    public DateTimeOffset? AnsweredAt { get; set; }
}
