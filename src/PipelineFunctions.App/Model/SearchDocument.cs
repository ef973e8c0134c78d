using System.Text;
using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A transcript's pseudonymised passages as search reads them (container <c>searchIndex</c>, partition
/// <c>/studyId</c>),
/// so that searching a study is one single-partition query. Pseudonymised text only, written with the segments; a
/// long transcript is split into parts well under Cosmos DB's 2 MB. Ids are the transcript's and the part's, so a new
/// pseudonymised version overwrites the old one.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>Text bytes a part holds at most: JSON escaping and the passages' fields stay far below 2 MB.</summary>
    const int MaxPartBytes = 512 * 1024;

    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("transcriptId")]
    public string TranscriptId { get; set; } = "";

    [JsonProperty("siteId")]
    public string SiteId { get; set; } = "";

    [JsonProperty("language")]
    public string Language { get; set; } = "";

    [JsonProperty("pseudonymVersion")]
    public int PseudonymVersion { get; set; }

    [JsonProperty("part")]
    public int Part { get; set; }

    [JsonProperty("parts")]
    public int Parts { get; set; }

    [JsonProperty("passages")]
    public List<SearchPassage> Passages { get; set; } = [];

    /// <summary>The parts for a transcript's segments (all of one pseudonymised version), passages in order.</summary>
    public static List<SearchDocument> For(
        TranscriptDocument transcript,
        IEnumerable<SegmentDocument> segments,
        int version
    )
    {
        var parts = new List<List<SearchPassage>> { new() };
        var bytes = 0;
        foreach (var s in segments.OrderBy(s => s.Segment))
        {
            var size = Encoding.UTF8.GetByteCount(s.Text) + Encoding.UTF8.GetByteCount(s.Speaker);
            if (bytes + size > MaxPartBytes && parts[^1].Count > 0)
            {
                parts.Add([]);
                bytes = 0;
            }
            parts[^1]
                .Add(
                    new SearchPassage
                    {
                        Segment = s.Segment,
                        Speaker = s.Speaker,
                        Text = s.Text,
                    }
                );
            bytes += size;
        }
        return parts
            .Select(
                (passages, i) =>
                    new SearchDocument
                    {
                        Id = $"{transcript.Id}:{i}",
                        StudyId = transcript.StudyId,
                        TranscriptId = transcript.Id,
                        SiteId = transcript.SiteId,
                        Language = transcript.Language,
                        PseudonymVersion = version,
                        Part = i,
                        Parts = parts.Count,
                        Passages = passages,
                    }
            )
            .ToList();
    }
}

public sealed class SearchPassage
{
    [JsonProperty("segment")]
    public int Segment { get; set; }

    [JsonProperty("speaker")]
    public string Speaker { get; set; } = "";

    [JsonProperty("text")]
    public string Text { get; set; } = "";
}
