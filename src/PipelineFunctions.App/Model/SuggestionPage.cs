using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// Up to <see cref="Size"/> of a transcript's suggestions in one document (container <c>suggestions</c>, partition
/// <c>/transcriptId</c>): an hour-long interview has hundreds, and one write per page instead of one per suggestion is
/// most of what the suggest stage spent on Cosmos.
/// </summary>
public sealed class SuggestionPage
{
    /// <summary>Far below Cosmos's 2 MB per item: a suggestion with its reasons is well under 2 KB.</summary>
    public const int Size = 200;

    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("transcriptId")]
    public string TranscriptId { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("suggestions")]
    public List<SuggestionDocument> Suggestions { get; set; } = [];

    public static string IdOf(string transcriptId, int page) => $"{transcriptId}:suggestions:{page}";

    /// <summary>The pages that hold these suggestions, in their order; ids by position make a replay harmless.</summary>
    public static List<SuggestionPage> Of(string transcriptId, string studyId, IReadOnlyList<SuggestionDocument> all) =>
        all.Chunk(Size)
            .Select(
                (chunk, i) =>
                    new SuggestionPage
                    {
                        Id = IdOf(transcriptId, i),
                        TranscriptId = transcriptId,
                        StudyId = studyId,
                        Suggestions = [.. chunk],
                    }
            )
            .ToList();
}
