using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>One pseudonymised speaker turn for review (container <c>segments</c>, partition <c>/transcriptId</c>).</summary>
public sealed class SegmentDocument
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("transcriptId")]
    public string TranscriptId { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("segment")]
    public int Segment { get; set; }

    [JsonProperty("speaker")]
    public string Speaker { get; set; } = "";

    [JsonProperty("text")]
    public string Text { get; set; } = "";

    [JsonProperty("start")]
    public TimeSpan? Start { get; set; }

    [JsonProperty("end")]
    public TimeSpan? End { get; set; }

    [JsonProperty("pseudonymVersion")]
    public int PseudonymVersion { get; set; }
}
