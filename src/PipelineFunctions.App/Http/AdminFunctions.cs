using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Monitoring;

namespace PipelineFunctions.App.Http;

public sealed record SiteCounts(string StudyId, string SiteId, Dictionary<string, int> Counts);

public sealed record ActivitySeries(string StudyId, string SiteId, string Status, int[] Counts);

public sealed record ActivityView(
    DateTimeOffset Start,
    int BucketSeconds,
    int Buckets,
    IEnumerable<ActivitySeries> Series
);

public sealed record StageLatencyView(
    string Stage,
    int Runs,
    double? P50Seconds,
    double? P95Seconds,
    double? MaxSeconds
);

public sealed record FailureView(
    string StudyId,
    string SiteId,
    string TranscriptId,
    string FileName,
    string Status,
    string? Reason,
    DateTimeOffset UpdatedAt
);

/// <param name="FileName">The transcript's file name where it is among the failed ones (a stage marks it Failed on
/// its last try).</param>
public sealed record PoisonMessageView(
    string Id,
    DateTimeOffset? InsertedOn,
    long DequeueCount,
    string? StudyId,
    string? TranscriptId,
    string? FileName = null
);

public sealed record PoisonQueueView(string Queue, string StageQueue, IEnumerable<PoisonMessageView> Messages);

public sealed record StatusView(
    DateTimeOffset GeneratedAt,
    Dictionary<string, int> Totals,
    IEnumerable<SiteCounts> Sites,
    ActivityView Activity,
    IEnumerable<StageLatencyView> Latency,
    IEnumerable<FailureView> Failures,
    List<PoisonQueueView> Poison
);

public sealed record TimelineEntry(string Status, DateTimeOffset At, string? Detail, double? SincePreviousSeconds);

public sealed record StageTime(string Stage, double Seconds);

public sealed record TimelineView(
    string StudyId,
    string SiteId,
    string TranscriptId,
    string FileName,
    string Language,
    string? Role,
    string? PairId,
    string? Format,
    int TurnCount,
    int PseudonymVersion,
    int SuggestionCount,
    string Status,
    string? Reason,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IEnumerable<TimelineEntry> History,
    IEnumerable<StageTime> Stages
);

public sealed record ServiceHealth(string Name, bool Ok, double Milliseconds, string? Error);

public sealed record QueueLength(string Queue, int? Messages, int? Poison);

public sealed record HealthView(DateTimeOffset CheckedAt, ServiceHealth[] Services, QueueLength[] Queues);

public sealed record Replayed(string Message, string? StudyId, string? TranscriptId);

/// <summary>
/// Pipeline status for admins: metadata only (counts, stages, timings, reasons, file names, ids), never transcript text.
/// Read from each study's summary document (kept as statuses move) and its failed transcripts, never every transcript:
/// the cost stays the same as a study grows. Aggregates are computed here, as the local Cosmos server serves none.
/// </summary>
public sealed class AdminFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    StudySummaryStore summaries,
    PipelineQueues queues,
    BlobContainers blobs,
    CosmosContainers cosmos,
    PoisonReplay replay,
    TimeProvider clock
)
{
    const int MaxBuckets = 48;

    /// <summary>Counts, activity over time (<c>?hours=</c>, default: since the first entry, up to a week), latency per
    /// stage, failures, poison.</summary>
    [Function("GetPipelineStatus"), Access(Roles.Admin)]
    public async Task<Ok<StatusView>> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/status")] HttpRequest req,
        CancellationToken ct
    )
    {
        var hours = int.TryParse(req.Query["hours"].FirstOrDefault(), out var h) ? h : (int?)null;
        var now = clock.GetUtcNow();
        var reached = (await studies.ListAsync(ct)).Where(s => req.HttpContext.User.MayReachStudy(s.Id)).ToList();
        var read = await Task.WhenAll(
            reached.Select(async s =>
                (
                    Summary: await summaries.GetAsync(s.Id, ct),
                    Failed: await transcripts.AtAsync(s.Id, [TranscriptStatus.Rejected, TranscriptStatus.Failed], ct)
                )
            )
        );
        var counts = read.SelectMany(r =>
                r.Summary.Counts.Select(c => (r.Summary.StudyId, Key: c.Key.Split('|'), Count: Math.Max(0, c.Value)))
            )
            .Where(c => c.Key.Length == 2 && c.Count > 0)
            .Select(c => (c.StudyId, SiteId: c.Key[0], Status: c.Key[1], c.Count))
            .ToList();
        var moves = read.SelectMany(r => r.Summary.Moves.Select(m => (r.Summary.StudyId, Move: m))).ToList();

        // A file name is metadata the admin reads instead of an id; only the failed transcripts already read are
        // named.
        var failedNames = read.SelectMany(r => r.Failed)
            .GroupBy(t => t.Id)
            .ToDictionary(g => g.Key, g => g.First().FileName, StringComparer.Ordinal);
        var poison = new List<PoisonQueueView>();
        foreach (var stage in StageTable.All)
        {
            var peeked = await queues.Get(stage.PoisonQueue).PeekMessagesAsync(32, ct);
            poison.Add(
                new PoisonQueueView(
                    stage.PoisonQueue,
                    stage.Queue,
                    peeked
                        .Value.Select(m =>
                            PoisonReplay.TranscriptOf(m.Body.ToString()) is var (studyId, transcriptId)
                                ? new PoisonMessageView(
                                    m.MessageId,
                                    m.InsertedOn,
                                    m.DequeueCount,
                                    studyId,
                                    transcriptId,
                                    failedNames.GetValueOrDefault(transcriptId)
                                )
                                : new PoisonMessageView(m.MessageId, m.InsertedOn, m.DequeueCount, null, null)
                        )
                        .ToList()
                )
            );
        }

        return TypedResults.Ok(
            new StatusView(
                now,
                Enum.GetValues<TranscriptStatus>()
                    .ToDictionary(
                        s => s.ToString(),
                        s => counts.Where(c => c.Status == s.ToString()).Sum(c => c.Count)
                    ),
                counts
                    .GroupBy(c => (c.StudyId, c.SiteId))
                    .OrderBy(g => g.Key.StudyId)
                    .ThenBy(g => g.Key.SiteId)
                    .Select(g => new SiteCounts(
                        g.Key.StudyId,
                        g.Key.SiteId,
                        g.ToDictionary(c => c.Status, c => c.Count)
                    ))
                    .ToList(),
                Activity(moves.Select(m => (m.StudyId, m.Move.Site, m.Move.Status, m.Move.At)).ToList(), now, hours),
                StageLatency
                    .Summarise(
                        moves
                            .SelectMany(m => m.Move.Stages ?? [])
                            .Select(s => (s.Stage, TimeSpan.FromSeconds(s.Seconds))),
                        StageTimings.Order
                    )
                    .Select(s => new StageLatencyView(s.Stage, s.Count, s.P50Seconds, s.P95Seconds, s.MaxSeconds))
                    .ToList(),
                read.SelectMany(r => r.Failed)
                    .OrderByDescending(t => t.UpdatedAt)
                    .Select(t => new FailureView(
                        t.StudyId,
                        t.SiteId,
                        t.Id,
                        t.FileName,
                        t.Status.ToString(),
                        t.Reason,
                        t.UpdatedAt
                    ))
                    .ToList(),
                poison
            )
        );
    }

    /// <summary>How many transcripts entered each status in each time bucket, per study and site (non-empty series
    /// only).</summary>
    static ActivityView Activity(
        List<(string StudyId, string SiteId, string Status, DateTimeOffset At)> entries,
        DateTimeOffset now,
        int? hours
    )
    {
        var earliest =
            hours is > 0 ? now.AddHours(-Math.Min(hours.Value, 24 * 31))
            : entries.Count == 0 ? now
            : entries.Min(e => e.At);
        if (hours is not > 0 && now - earliest > TimeSpan.FromDays(7))
            earliest = now.AddDays(-7);
        var buckets = TimeBuckets.Cover(earliest, now, MaxBuckets);
        var series = new Dictionary<(string StudyId, string SiteId, string Status), int[]>();
        foreach (var e in entries)
        {
            if (buckets.IndexOf(e.At) is not { } i)
                continue;
            if (!series.TryGetValue((e.StudyId, e.SiteId, e.Status), out var counts))
                series[(e.StudyId, e.SiteId, e.Status)] = counts = new int[buckets.Count];
            counts[i]++;
        }
        return new ActivityView(
            buckets.Start,
            (int)buckets.Size.TotalSeconds,
            buckets.Count,
            series
                .OrderBy(s => s.Key.StudyId)
                .ThenBy(s => s.Key.SiteId)
                .ThenBy(s => s.Key.Status)
                .Select(s => new ActivitySeries(s.Key.StudyId, s.Key.SiteId, s.Key.Status, s.Value))
                .ToList()
        );
    }

    /// <summary>One transcript's status history with the time between entries and its stage timings; metadata
    /// only.</summary>
    [Function("GetTranscriptTimeline"), Access(Roles.Admin)]
    public async Task<Results<Ok<TimelineView>, Problem<Missing>>> TimelineAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/admin/studies/{studyId}/transcripts/{transcriptId}/timeline"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var t = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (t is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}' in study '{studyId}'.");
        var history = t.History.OrderBy(x => x.At).ToList();
        return TypedResults.Ok(
            new TimelineView(
                t.StudyId,
                t.SiteId,
                t.Id,
                t.FileName,
                t.Language,
                t.Role?.Name(),
                t.PairId,
                t.Format,
                t.TurnCount,
                t.PseudonymVersion,
                t.SuggestionCount,
                t.Status.ToString(),
                t.Reason,
                t.ReceivedAt,
                t.UpdatedAt,
                history
                    .Select(
                        (x, i) =>
                            new TimelineEntry(
                                x.Status.ToString(),
                                x.At,
                                x.Detail,
                                i == 0 ? null : (x.At - history[i - 1].At).TotalSeconds
                            )
                    )
                    .ToList(),
                StageTimings.Durations(t).Select(d => new StageTime(d.Stage, d.Duration.TotalSeconds)).ToList()
            )
        );
    }

    /// <summary>Whether Blob, Queue and Cosmos answer and how fast; each queue's approximate length and its poison
    /// twin's.</summary>
    [Function("GetHealth"), Access(Roles.Admin)]
    public async Task<Ok<HealthView>> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/health")] HttpRequest req,
        CancellationToken ct
    )
    {
        var services = await Task.WhenAll(
            Probe("Blob storage", async c => await blobs.Uploads.GetPropertiesAsync(cancellationToken: c), ct),
            Probe("Queue storage", async c => await queues.Get(StageTable.Ingest.Queue).GetPropertiesAsync(c), ct),
            Probe(
                "Cosmos DB",
                async c =>
                    await cosmos.Studies.QueryPartitionAsync<Newtonsoft.Json.Linq.JObject>(
                        StudyDocument.PartitionValue,
                        c,
                        "c.id",
                        "c.id = @id",
                        ("@id", "-health-")
                    ),
                ct
            )
        );
        var lengths = await Task.WhenAll(
            StageTable.All.Select(async stage => new QueueLength(
                stage.Queue,
                await LengthAsync(stage.Queue, ct),
                await LengthAsync(stage.PoisonQueue, ct)
            ))
        );
        return TypedResults.Ok(new HealthView(clock.GetUtcNow(), services, lengths));
    }

    async Task<int?> LengthAsync(string name, CancellationToken ct)
    {
        try
        {
            return (await queues.Get(name).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Times one call with a 5 s limit; a failure is named by its type only (a message could carry a URL or a
    /// key name).</summary>
    static async Task<ServiceHealth> Probe(string name, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call(limit.Token);
            return new ServiceHealth(
                name,
                true,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                null
            );
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? "no answer within 5 s" : e.GetType().Name;
            return new ServiceHealth(
                name,
                false,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                error
            );
        }
    }

    [Function("ReplayPoisonMessage"), Access(Roles.Admin)]
    public async Task<Results<Ok<Replayed>, Problem<WrongState>, Problem<NotInStudy>, Problem<Missing>>> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/poison/{queue}/{messageId}/replay")]
            HttpRequest req,
        string queue,
        string messageId,
        CancellationToken ct
    )
    {
        var result = await replay.ReplayAsync(queue, messageId, req.HttpContext.User, req.HttpContext, ct);
        return result.Outcome switch
        {
            ReplayOutcome.Replayed => TypedResults.Ok(
                new Replayed(result.Message, result.StudyId, result.TranscriptId)
            ),
            ReplayOutcome.NoTranscript => Problems.Conflict(result.Message),
            ReplayOutcome.NotYourStudy => Problems.NotInStudy(result.StudyId ?? "", result.Message),
            _ => Problems.NotFound(result.Message),
        };
    }
}
