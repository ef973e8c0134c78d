using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A transcript's metadata and state (Cosmos container <c>transcripts</c>, partition <c>/studyId</c>).
/// It never holds transcript text: that lives in the restricted and pseudonymised blob containers.
/// </summary>
public sealed class TranscriptDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("siteId")]
    public string SiteId { get; set; } = "";

    [JsonProperty("language")]
    public string Language { get; set; } = "";

    [JsonProperty("interviewId")]
    public string? InterviewId { get; set; }

    /// <summary>File name as uploaded, with control characters removed; shown to the uploader and admins.</summary>
    [JsonProperty("fileName")]
    public string FileName { get; set; } = "";

    [JsonProperty("uploadBlob")]
    public string UploadBlob { get; set; } = "";

    [JsonProperty("contentSha256")]
    public string ContentSha256 { get; set; } = "";

    [JsonProperty("sizeBytes")]
    public long SizeBytes { get; set; }

    [JsonProperty("uploadedBy")]
    public string UploadedBy { get; set; } = "";

    /// <summary>
    /// <c>source</c> (a local-language original awaiting or having its translation) or <c>translation</c>; null for a
    /// transcript that stands alone. A pair meets by <see cref="TranslationOf"/>, or by site and interview id, in
    /// either order.
    /// </summary>
    [JsonProperty("role"), JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
    public PairRole? Role { get; set; }

    /// <summary>For a translation: the id of its source transcript.</summary>
    [JsonProperty("translationOf")]
    public string? TranslationOf { get; set; }

    /// <summary>For a source: the id of its translation, once one has arrived.</summary>
    [JsonProperty("translationId")]
    public string? TranslationId { get; set; }

    /// <summary>For a corrected translation: the translation it replaces.</summary>
    [JsonProperty("supersedes")]
    public string? Supersedes { get; set; }

    [JsonProperty("format")]
    public string? Format { get; set; }

    [JsonProperty("turnCount")]
    public int TurnCount { get; set; }

    [JsonProperty("wordCount")]
    public int WordCount { get; set; }

    [JsonProperty("pseudonymVersion")]
    public int PseudonymVersion { get; set; }

    /// <summary>
    /// Spans of the current pseudonymised version left in clear that a person should check: offsets into the original
    /// turn and a reason category, never the text (that stays in the restricted container).
    /// </summary>
    [JsonProperty("unsureSpans")]
    public List<StoredUnsureSpan> UnsureSpans { get; set; } = [];

    /// <summary>Who released it from the site's check, and when; null until then (later versions then skip the
    /// check).</summary>
    [JsonProperty("released")]
    public SiteRelease? Released { get; set; }

    [JsonProperty("suggestionCount")]
    public int SuggestionCount { get; set; }

    [JsonProperty("codebookVersion")]
    public string? CodebookVersion { get; set; }

    [JsonProperty("status"), JsonConverter(typeof(StringEnumConverter))]
    public TranscriptStatus Status { get; set; }

    /// <summary>Why it was rejected or failed, in words a person understands; never transcript text.</summary>
    [JsonProperty("reason")]
    public string? Reason { get; set; }

    [JsonProperty("receivedAt")]
    public DateTimeOffset ReceivedAt { get; set; }

    [JsonProperty("updatedAt")]
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonProperty("history")]
    public List<StatusChange> History { get; set; } = [];

    /// <summary>The kind of interview (<c>interview</c>, <c>focus group</c>, …) as the study lead set it; null: not
    /// set.</summary>
    [JsonProperty("interviewType")]
    public string? InterviewType { get; set; }

    /// <summary>
    /// Each participant's role, by speaker as coders see it (pseudonymised), as the study lead assigned it; exported as
    /// the participant's case. Speaker labels only, never text.
    /// </summary>
    [JsonProperty("speakerRoles", ItemConverterType = typeof(StringEnumConverter))]
    public Dictionary<string, ParticipantRole> SpeakerRoles { get; set; } = [];

    /// <summary>
    /// Roles an imported project gave its participants, by the number of a turn each speaker speaks: the speaker's
    /// label is known only once pseudonymised, and the imported one may be a name. <see cref="SpeakerRoles"/> wins.
    /// </summary>
    [JsonProperty("importedRoles", ItemConverterType = typeof(StringEnumConverter))]
    public Dictionary<int, ParticipantRole> ImportedRoles { get; set; } = [];

    /// <summary>
    /// An original the study lead or its site chose to code in its own language rather than wait for a translation:
    /// it stands alone from then on.
    /// </summary>
    [JsonProperty("codeInOriginal")]
    public bool CodeInOriginal { get; set; }

    [JsonIgnore]
    public string? PairId => TranslationOf ?? TranslationId;

    /// <summary>Part of a source/translation pair, whether or not the other half has arrived (unless coded in its own
    /// language).</summary>
    [JsonIgnore]
    public bool IsPaired => !CodeInOriginal && (Role is not null || PairId is not null);

    /// <summary>An original waiting for its translation: it may be coded in its own language instead.</summary>
    [JsonIgnore]
    public bool AwaitsTranslation =>
        Status == TranscriptStatus.AwaitingTranslationCheck && TranslationOf is null && Role != PairRole.Translation;
}
