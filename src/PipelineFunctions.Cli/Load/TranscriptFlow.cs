using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Load;

/// <summary>
/// Many distinct interviews through a running app: uploads (retried as a site would on no answer or a 5xx), then waits
/// until every transcript reaches its final state and reads their histories. For throughput and soak runs.
/// </summary>
public sealed class TranscriptFlow(
    PipelineApiClient api,
    string studyId,
    string site,
    string uploaderKey,
    string leadKey
)
{
    /// <summary>A short interview made distinct by its number, so no two are duplicates of each other.</summary>
    public static byte[] Interview(int n) =>
        Encoding.UTF8.GetBytes(
            string.Concat(
                Enumerable
                    .Range(1, 12)
                    .Select(t =>
                        t % 2 == 1
                            ? $"Interviewer: Question {t} of interview {n}: how did the peer support role work on the ward this month?\n"
                            : $"P{n}: In week {t} the nurses still did not know my role, but the training helped me cope, my supervisor backed me up and I felt hope.\n"
                    )
            )
        );

    /// <summary>Uploads until the app answers with a transcript id (202, or 409 naming the one it made already).</summary>
    public async Task<string> UploadAsync(int n, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                var (status, body) = await api.UploadAsync(
                    studyId,
                    $"interview-{n}.txt",
                    Interview(n),
                    site,
                    "en",
                    null,
                    uploaderKey
                );
                if (
                    status is HttpStatusCode.Accepted or HttpStatusCode.Conflict
                    && (string?)body?["transcriptId"] is { } id
                )
                    return id;
                if ((int)status < 500)
                    throw new InvalidOperationException($"upload {n} answered {(int)status}");
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"upload {n} found no app for five minutes");
            await Task.Delay(300, ct);
        }
    }

    /// <summary>Waits until every transcript is final (or the limit passes); returns each one's history as (status, at).</summary>
    public async Task<Dictionary<string, JsonArray>> WaitAsync(
        IReadOnlyCollection<string> ids,
        TimeSpan limit,
        CancellationToken ct
    )
    {
        var done = new Dictionary<string, JsonArray>();
        var deadline = DateTime.UtcNow + limit;
        while (done.Count < ids.Count && DateTime.UtcNow < deadline)
        {
            foreach (var id in ids.Where(i => !done.ContainsKey(i)).ToList())
            {
                JsonNode? t;
                try
                {
                    t = await api.TranscriptAsync(studyId, id, leadKey);
                }
                catch (HttpRequestException)
                {
                    break;
                }
                if ((string?)t?["summary"]?["status"] is "SuggestionsReady" or "Failed" or "Rejected")
                    done[id] = t!["history"]!.AsArray();
            }
            await Task.Delay(500, ct);
        }
        return done;
    }

    /// <summary>Segment or suggestion documents the API shows twice for one transcript (a replay that wrote again).</summary>
    public async Task<int> DuplicatesAsync(string id, string coderKey)
    {
        var (status, body) = await api.BytesAsync(
            HttpMethod.Get,
            $"/api/studies/{studyId}/transcripts/{id}/segments",
            coderKey
        );
        if (status != HttpStatusCode.OK)
            return 0;
        var segments = JsonNode.Parse(body)!.AsArray();
        var duplicates = segments.Count - segments.Select(s => (int)s!["segment"]!).Distinct().Count();
        foreach (var s in segments)
        {
            var codes = s!["suggestions"]!.AsArray().Select(x => (string)x!["code"]!).ToList();
            duplicates += codes.Count - codes.Distinct().Count();
        }
        return duplicates;
    }
}
