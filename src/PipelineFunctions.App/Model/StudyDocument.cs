using Newtonsoft.Json;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A study's settings (Cosmos container <c>studies</c>, one partition: studies are few and listed whole).
/// The roster is not here: it names people, so it lives in the restricted blob container.
/// </summary>
public sealed class StudyDocument
{
    public const string PartitionValue = "studies";

    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("partition")]
    public string Partition { get; set; } = PartitionValue;

    [JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonProperty("sites")]
    public List<StudySite> Sites { get; set; } = [];

    [JsonProperty("languages")]
    public List<string> Languages { get; set; } = [];

    [JsonProperty("codebook")]
    public Codebook? Codebook { get; set; }

    [JsonProperty("codebookVersion")]
    public string? CodebookVersion { get; set; }

    /// <summary>Every codebook version the study has had; suggestions name the one they used.</summary>
    [JsonProperty("codebookHistory")]
    public List<CodebookVersionEntry> CodebookHistory { get; set; } = [];

    [JsonProperty("allowList")]
    public List<string> AllowList { get; set; } = [];

    [JsonProperty("placeholderStyle"), JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
    public PipelineFunctions.Core.Pseudonymisation.PlaceholderStyle PlaceholderStyle { get; set; }

    /// <summary>The study's permission for text to go to the Azure Language service (PII detection); off by default.</summary>
    [JsonProperty("allowCloudLanguage")]
    public bool AllowCloudLanguage { get; set; }

    /// <summary>
    /// The site's check before coding: each pseudonymised transcript waits until its site's researcher or the custodian
    /// releases it. The create-study API defaults it on; a study stored before the setting existed has it off.
    /// </summary>
    [JsonProperty("siteCheck")]
    public bool SiteCheck { get; set; }

    /// <summary>How many of the first transcripts ready for coding two coders code blind, before the rest are coded once.</summary>
    [JsonProperty("doubleCodeFirst")]
    public int DoubleCodeFirst { get; set; }

    /// <summary>Transcripts named for double coding, besides the first ones.</summary>
    [JsonProperty("doubleCodeTranscripts")]
    public List<string> DoubleCodeTranscripts { get; set; } = [];

    /// <summary>Who codes a site's transcripts (coders' sign-in names, by site id); a site with none is open to every coder.</summary>
    [JsonProperty("siteCoders")]
    public Dictionary<string, List<string>> SiteCoders { get; set; } = [];

    /// <summary>Who codes one transcript (by transcript id), in place of its site's coders.</summary>
    [JsonProperty("transcriptCoders")]
    public Dictionary<string, List<string>> TranscriptCoders { get; set; } = [];

    /// <summary>Codes merged into others (merged id → kept id): suggestions made before a merge are shown as the kept code.</summary>
    [JsonProperty("codeMerges")]
    public Dictionary<string, string> CodeMerges { get; set; } = [];

    /// <summary>New codes coders proposed; the study lead approves them into the codebook.</summary>
    [JsonProperty("codeProposals")]
    public List<CodeProposal> CodeProposals { get; set; } = [];

    /// <summary>Searches saved as sets (as REFI-QDA sets): the query and the passages it found then.</summary>
    [JsonProperty("searchSets")]
    public List<SearchSet> SearchSets { get; set; } = [];

    [JsonProperty("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed record SearchSet(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("query")] string Query,
    [property: JsonProperty("site")] string? Site,
    [property: JsonProperty("language")] string? Language,
    [property: JsonProperty("role")] string? Role,
    [property: JsonProperty("passages")] List<SetPassage> Passages,
    [property: JsonProperty("by")] string By,
    [property: JsonProperty("at")] DateTimeOffset At
);

public sealed record SetPassage(
    [property: JsonProperty("transcriptId")] string TranscriptId,
    [property: JsonProperty("segment")] int Segment
);

/// <summary>A site of the study; <paramref name="Languages"/> are the languages its transcripts come in (suggested on upload).</summary>
public sealed record StudySite(string Id, string Name, string? Country = null, List<string>? Languages = null);

public sealed record CodeProposal(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("definition")] string Definition,
    [property: JsonProperty("parent")] string? Parent,
    [property: JsonProperty("by")] string By,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("state")] string State,
    [property: JsonProperty("examples")] List<string>? Examples = null
);

public sealed record CodebookVersionEntry(
    [property: JsonProperty("version")] string Version,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("by")] string By,
    [property: JsonProperty("codes")] int Codes
);
