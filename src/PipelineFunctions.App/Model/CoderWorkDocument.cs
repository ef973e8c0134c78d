using Newtonsoft.Json;
using PipelineFunctions.Core.Coding;

namespace PipelineFunctions.App.Model;

/// <summary>
/// One coder's work on one transcript (container <c>codings</c>, partition <c>/transcriptId</c>, id
/// <c>{transcript}:{coder}</c>): the codes applied, the suggestions rejected, memos. Each coder's document is apart
/// from the other's, so blind double coding holds by construction; saves carry the ETag they were read with.
/// </summary>
public sealed class CoderWorkDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("transcriptId")]
    public string TranscriptId { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("coder")]
    public string Coder { get; set; } = "";

    [JsonProperty("submitted")]
    public bool Submitted { get; set; }

    [JsonProperty("submittedAt")]
    public DateTimeOffset? SubmittedAt { get; set; }

    [JsonProperty("codings")]
    public List<CodingEntry> Codings { get; set; } = [];

    [JsonProperty("rejected")]
    public List<RejectedSuggestion> Rejected { get; set; } = [];

    [JsonProperty("memos")]
    public List<Memo> Memos { get; set; } = [];

    [JsonProperty("updatedAt")]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The consensus this coder confirmed (one choice per disagreement); saved as final when the other
    /// coder of the pair confirms the same coding (Coding/ConsensusRule).</summary>
    [JsonProperty("consensusProposal")]
    public List<ConsensusChoice>? ConsensusProposal { get; set; }

    [JsonProperty("_etag")]
    public string? ETag { get; set; }

    public static string IdFor(string transcriptId, string coder) => $"{transcriptId}:{coder}";

    /// <summary>The coder name of a transcript's consensus: what the pair resolved, its final coding.</summary>
    public const string FinalCoder = "final";
}

/// <param name="Origin"><c>suggested</c> (accepted as suggested), <c>changed</c> (a suggestion given another code) or <c>added</c>.</param>
/// <param name="Start">Start of a coded sub-span of the passage text (UTF-16), when only part of the passage is coded.</param>
/// <param name="Anchor">A sub-span's words and a little context (pseudonymised text, as coded): how a new version finds it again.</param>
/// <param name="Confirm">True when a new version changed the sub-span's words: its coder confirms it (saving it with false).</param>
/// <param name="Illustrative">True when the coder marked the coded words as a quote that illustrates the code: the
/// themes report lists it.</param>
/// <param name="InOriginal">True while the offsets count in the original (identifiable) text: an imported coding, until
/// the transcript's pseudonymised version carries it there through the replacement log.</param>
public sealed record CodingEntry(
    [property: JsonProperty("segment")] int Segment,
    [property: JsonProperty("codeId")] string CodeId,
    [property: JsonProperty("origin")] string Origin,
    [property: JsonProperty("start")] int? Start = null,
    [property: JsonProperty("end")] int? End = null,
    [property: JsonProperty("anchor")] SpanAnchor? Anchor = null,
    [property: JsonProperty("confirm")] bool? Confirm = null,
    [property: JsonProperty("illustrative", NullValueHandling = NullValueHandling.Ignore)] bool? Illustrative = null,
    [property: JsonProperty("inOriginal", NullValueHandling = NullValueHandling.Ignore)] bool? InOriginal = null
);

/// <summary>How one disagreement of a pair is resolved: which coder's span(s) of a code on a passage the consensus
/// keeps.</summary>
/// <param name="Keep"><c>first</c>, <c>second</c> (of the pair, in the order they submitted) or <c>union</c>.</param>
public sealed record ConsensusChoice(
    [property: JsonProperty("segment")] int Segment,
    [property: JsonProperty("codeId")] string CodeId,
    [property: JsonProperty("keep")] string Keep
);

public sealed record RejectedSuggestion(
    [property: JsonProperty("segment")] int Segment,
    [property: JsonProperty("codeId")] string CodeId
);

/// <param name="Segment">The passage the memo is linked to; none for a memo on the whole transcript.</param>
/// <param name="Code">The code the memo is about, if any: the code view lists a code's memos.</param>
/// <param name="Start">Start of the words of the passage the memo is on (UTF-16), when it is on some of them only.</param>
/// <param name="Anchor">Those words and a little context (pseudonymised text): how a new version finds them again.</param>
/// <param name="Confirm">True when a new version changed those words: the memo's writer confirms it.</param>
/// <param name="InOriginal">True while the offsets count in the original text (an imported memo; see <see cref="CodingEntry"/>).</param>
public sealed record Memo(
    [property: JsonProperty("segment")] int? Segment,
    [property: JsonProperty("text")] string Text,
    [property: JsonProperty("code")] string? Code = null,
    [property: JsonProperty("start", NullValueHandling = NullValueHandling.Ignore)] int? Start = null,
    [property: JsonProperty("end", NullValueHandling = NullValueHandling.Ignore)] int? End = null,
    [property: JsonProperty("anchor", NullValueHandling = NullValueHandling.Ignore)] SpanAnchor? Anchor = null,
    [property: JsonProperty("confirm", NullValueHandling = NullValueHandling.Ignore)] bool? Confirm = null,
    [property: JsonProperty("inOriginal", NullValueHandling = NullValueHandling.Ignore)] bool? InOriginal = null
);
