using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>A candidate code for one passage, kept in its transcript's <see cref="SuggestionPage"/>.</summary>
public sealed class SuggestionDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("transcriptId")]
    public string TranscriptId { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("segment")]
    public int Segment { get; set; }

    [JsonProperty("codeId")]
    public string CodeId { get; set; } = "";

    [JsonProperty("codeName")]
    public string CodeName { get; set; } = "";

    [JsonProperty("confidence")]
    public double Confidence { get; set; }

    [JsonProperty("evidence")]
    public List<string> Evidence { get; set; } = [];

    [JsonProperty("engine")]
    public string Engine { get; set; } = "";

    [JsonProperty("codebookVersion")]
    public string CodebookVersion { get; set; } = "";

    [JsonProperty("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why nothing is suggested for this passage (interviewer turn, small talk…); set on the abstention only.</summary>
    [JsonProperty("abstained")]
    public string? Abstained { get; set; }

    /// <summary>
    /// A code the engine would have suggested but holds back because it is guessing at it (the passage's reason says so):
    /// kept so its agreement with the coders goes on being measured; never shown as a suggestion.
    /// </summary>
    [JsonProperty("withheld")]
    public bool Withheld { get; set; }

    /// <summary>The code id of a passage's abstention record.</summary>
    public const string Abstention = "-abstained";

    [JsonIgnore]
    public bool IsAbstention => CodeId == Abstention;

    /// <summary>A suggestion a coder is shown: neither the abstention record nor a withheld code.</summary>
    [JsonIgnore]
    public bool IsShown => !IsAbstention && !Withheld;

    /// <summary>Sets what only some suggestions carry, in an expression.</summary>
    public SuggestionDocument With(Action<SuggestionDocument> set)
    {
        set(this);
        return this;
    }
}
