using System.Diagnostics;
using System.Security.Claims;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.Core.Monitoring;

namespace PipelineFunctions.App.Apis;

/// <summary>
/// Pipeline status for admins: metadata only (counts, stages, timings, reasons, ids), never transcript text.
/// Aggregates are computed here from single-partition reads, as the local Cosmos server serves no aggregates.
/// </summary>
public static class AdminApi
{
    const int MaxBuckets = 48;

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/status", StatusAsync);
        admin.MapGet("/health", HealthAsync);
        admin.MapGet("/studies/{studyId}/transcripts/{transcriptId}/timeline", TimelineAsync).AddEndpointFilter<StudyAccessFilter>();
        admin.MapPost("/poison/{queue}/{messageId}/replay", ReplayAsync);
    }

    /// <summary>Counts, activity over time (<c>?hours=</c>, default: since the first entry, up to a week), latency per stage, failures, poison.</summary>
    static async Task<IResult> StatusAsync(int? hours, ClaimsPrincipal user, StudyStore studies, TranscriptStore transcripts, PipelineQueues queues,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = new List<TranscriptDocument>();
        foreach (var study in await studies.ListAsync(ct))
            if (user.MayReachStudy(study.Id)) all.AddRange(await transcripts.ListAsync(study.Id, ct));

        var poison = new List<object>();
        foreach (var name in PipelineQueues.Names)
        {
            var peeked = await queues.Get(PipelineQueues.PoisonOf(name)).PeekMessagesAsync(32, ct);
            poison.Add(new
            {
                queue = PipelineQueues.PoisonOf(name),
                stageQueue = name,
                messages = peeked.Value.Select(m => PoisonReplay.TranscriptOf(m.Body.ToString()) is var (studyId, transcriptId)
                    ? new { id = m.MessageId, insertedOn = m.InsertedOn, dequeueCount = m.DequeueCount, studyId = (string?)studyId, transcriptId = (string?)transcriptId }
                    : new { id = m.MessageId, insertedOn = m.InsertedOn, dequeueCount = m.DequeueCount, studyId = (string?)null, transcriptId = (string?)null }),
            });
        }

        return Results.Ok(new
        {
            generatedAt = now,
            totals = Enum.GetValues<TranscriptStatus>().ToDictionary(s => s.ToString(), s => all.Count(t => t.Status == s)),
            sites = all.GroupBy(t => (t.StudyId, t.SiteId)).OrderBy(g => g.Key.StudyId).ThenBy(g => g.Key.SiteId).Select(g => new
            {
                studyId = g.Key.StudyId,
                siteId = g.Key.SiteId,
                counts = g.GroupBy(t => t.Status.ToString()).ToDictionary(s => s.Key, s => s.Count()),
            }),
            activity = Activity(all, now, hours),
            latency = StageLatency.Summarise(all.SelectMany(PipelineStages.Durations), PipelineStages.Order).Select(s => new
            {
                stage = s.Stage, runs = s.Count, p50Seconds = s.P50Seconds, p95Seconds = s.P95Seconds, maxSeconds = s.MaxSeconds,
            }),
            failures = all.Where(t => t.Status is TranscriptStatus.Rejected or TranscriptStatus.Failed).OrderByDescending(t => t.UpdatedAt).Select(t => new
            {
                studyId = t.StudyId, siteId = t.SiteId, transcriptId = t.Id, status = t.Status.ToString(), reason = t.Reason, updatedAt = t.UpdatedAt,
            }),
            poison,
        });
    }

    /// <summary>How many transcripts entered each status in each time bucket, per study and site (non-empty series only).</summary>
    static object Activity(List<TranscriptDocument> all, DateTimeOffset now, int? hours)
    {
        var entries = all.SelectMany(t => t.History.Select(h => (t.StudyId, t.SiteId, Status: h.Status.ToString(), h.At))).ToList();
        var earliest = hours is > 0 ? now.AddHours(-Math.Min(hours.Value, 24 * 31)) : entries.Count == 0 ? now : entries.Min(e => e.At);
        if (hours is not > 0 && now - earliest > TimeSpan.FromDays(7)) earliest = now.AddDays(-7);
        var buckets = TimeBuckets.Cover(earliest, now, MaxBuckets);
        var series = new Dictionary<(string StudyId, string SiteId, string Status), int[]>();
        foreach (var e in entries)
        {
            if (buckets.IndexOf(e.At) is not { } i) continue;
            if (!series.TryGetValue((e.StudyId, e.SiteId, e.Status), out var counts)) series[(e.StudyId, e.SiteId, e.Status)] = counts = new int[buckets.Count];
            counts[i]++;
        }
        return new
        {
            start = buckets.Start,
            bucketSeconds = (int)buckets.Size.TotalSeconds,
            buckets = buckets.Count,
            series = series.OrderBy(s => s.Key.StudyId).ThenBy(s => s.Key.SiteId).ThenBy(s => s.Key.Status)
                .Select(s => new { studyId = s.Key.StudyId, siteId = s.Key.SiteId, status = s.Key.Status, counts = s.Value }),
        };
    }

    /// <summary>One transcript's status history with the time between entries and its stage timings; metadata only.</summary>
    static async Task<IResult> TimelineAsync(string studyId, string transcriptId, TranscriptStore transcripts, CancellationToken ct)
    {
        var t = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (t is null) return Results.NotFound(new { message = $"There is no transcript '{transcriptId}' in study '{studyId}'." });
        var history = t.History.OrderBy(h => h.At).ToList();
        return Results.Ok(new
        {
            studyId = t.StudyId, siteId = t.SiteId, transcriptId = t.Id, language = t.Language, role = t.Role, pairId = t.PairId,
            format = t.Format, turnCount = t.TurnCount, pseudonymVersion = t.PseudonymVersion, suggestionCount = t.SuggestionCount,
            status = t.Status.ToString(), reason = t.Reason, receivedAt = t.ReceivedAt, updatedAt = t.UpdatedAt,
            history = history.Select((h, i) => new
            {
                status = h.Status.ToString(), at = h.At, detail = h.Detail,
                sincePreviousSeconds = i == 0 ? (double?)null : (h.At - history[i - 1].At).TotalSeconds,
            }),
            stages = PipelineStages.Durations(t).Select(d => new { stage = d.Stage, seconds = d.Duration.TotalSeconds }),
        });
    }

    /// <summary>Whether Blob, Queue and Cosmos answer and how fast; each queue's approximate length and its poison twin's.</summary>
    static async Task<IResult> HealthAsync(BlobContainers blobs, PipelineQueues queues, CosmosContainers cosmos, TimeProvider clock, CancellationToken ct)
    {
        var services = await Task.WhenAll(
            Probe("Blob storage", async c => await blobs.Uploads.GetPropertiesAsync(cancellationToken: c), ct),
            Probe("Queue storage", async c => await queues.Get(PipelineQueues.Ingest).GetPropertiesAsync(c), ct),
            Probe("Cosmos DB", async c => await cosmos.Studies.QueryPartitionAsync<Newtonsoft.Json.Linq.JObject>(StudyDocument.PartitionValue, "c.id", "c.id = @id", ("@id", "-health-")), ct));
        var lengths = await Task.WhenAll(PipelineQueues.Names.Select(async name => new
        {
            queue = name,
            messages = await LengthAsync(queues, name, ct),
            poison = await LengthAsync(queues, PipelineQueues.PoisonOf(name), ct),
        }));
        return Results.Ok(new { checkedAt = clock.GetUtcNow(), services, queues = lengths });
    }

    static async Task<int?> LengthAsync(PipelineQueues queues, string name, CancellationToken ct)
    {
        try { return (await queues.Get(name).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount; }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TaskCanceledException) { return null; }
    }

    /// <summary>Times one call with a 5 s limit; a failure is named by its type only (a message could carry a URL or a key name).</summary>
    static async Task<object> Probe(string name, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call(limit.Token);
            return new { name, ok = true, milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), error = (string?)null };
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? "no answer within 5 s" : e.GetType().Name;
            return new { name, ok = false, milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), error = (string?)error };
        }
    }

    static async Task<IResult> ReplayAsync(string queue, string messageId, ClaimsPrincipal user, HttpContext http, PoisonReplay replay, CancellationToken ct)
    {
        var result = await replay.ReplayAsync(queue, messageId, user, http, ct);
        return result.Outcome switch
        {
            ReplayOutcome.Replayed => Results.Ok(new { message = result.Message, studyId = result.StudyId, transcriptId = result.TranscriptId }),
            ReplayOutcome.NoTranscript => Results.Conflict(new { message = result.Message }),
            ReplayOutcome.NotYourStudy => Results.Json(new { message = result.Message }, statusCode: 403),
            _ => Results.NotFound(new { message = result.Message }),
        };
    }
}
