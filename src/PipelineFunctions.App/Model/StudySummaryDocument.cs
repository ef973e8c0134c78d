using Newtonsoft.Json;

namespace PipelineFunctions.App.Model;

/// <summary>
/// A study's pipeline summary (container <c>summaries</c>, partition <c>/studyId</c>, id the study's), kept as statuses
/// move so the admin status reads one document per study, not every transcript: transcripts per site and status
/// (<c>"site|status"</c>, patched by increments), and the latest moves with the stage times they closed (for activity
/// and latency), trimmed to <see cref="MaxMoves"/> when read (by the admin status and by the sweep). Ids, statuses and
/// times only. Every move patches this one document, and a patch is charged by the document's size: the cap keeps it
/// near 200 KB (a few hundred bytes per move).
/// </summary>
public sealed class StudySummaryDocument
{
    public const int MaxMoves = 2000;

    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("studyId")]
    public string StudyId { get; set; } = "";

    [JsonProperty("counts")]
    public Dictionary<string, int> Counts { get; set; } = [];

    [JsonProperty("moves")]
    public List<SummaryMove> Moves { get; set; } = [];

    [JsonProperty("_etag")]
    public string? ETag { get; set; }

    public static string CountKey(string siteId, TranscriptStatus status) => $"{siteId}|{status}";
}

/// <param name="Stages">Stage runs this move ended (stage name and seconds), as <c>Workflow/StageTimings</c> reads a history.</param>
public sealed record SummaryMove(
    [property: JsonProperty("site")] string Site,
    [property: JsonProperty("status")] string Status,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("stages")] List<StageRun>? Stages = null
);

public sealed record StageRun(
    [property: JsonProperty("stage")] string Stage,
    [property: JsonProperty("seconds")] double Seconds
);
