using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// What each API call costs in Cosmos requests, read from its server span (<c>pipeline.cosmos.requests</c>, counted by
/// a request handler on the app's CosmosClient). The admin status reads one summary per study, so it costs the same
/// for 100 transcripts as for 5,000. The figures go to <c>.local/cosmos-requests.txt</c>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CosmosRequestsTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_admin_status_costs_the_same_for_100_and_for_5000_transcripts()
    {
        var study = await fixture.CreateStudyAsync(fixedId: PipelineFixture.RequestsStudy);
        var report = new List<string> { "call\ttranscripts\tcosmos requests\trequest units\tmilliseconds" };

        await AddReadyTranscriptsAsync(study, 0, 100);
        await CallAsync(PipelineFixture.RequestsAdminKey, "/api/admin/status");
        var small = await CallAsync(PipelineFixture.RequestsAdminKey, "/api/admin/status");
        report.Add($"GET /api/admin/status\t100\t{small.Requests}\t{small.Units}\t{small.Milliseconds}");
        var status = (
            await fixture.Client(PipelineFixture.RequestsAdminKey).GetFromJsonAsync<JsonNode>("/api/admin/status")
        )!;
        Assert.Equal(100, (int)status["totals"]!["SuggestionsReady"]!);

        await AddReadyTranscriptsAsync(study, 100, 4900);
        await CallAsync(PipelineFixture.RequestsAdminKey, "/api/admin/status");
        var large = await CallAsync(PipelineFixture.RequestsAdminKey, "/api/admin/status");
        report.Add($"GET /api/admin/status\t5000\t{large.Requests}\t{large.Units}\t{large.Milliseconds}");
        status = (
            await fixture.Client(PipelineFixture.RequestsAdminKey).GetFromJsonAsync<JsonNode>("/api/admin/status")
        )!;
        Assert.Equal(5000, (int)status["totals"]!["SuggestionsReady"]!);

        // The pages' other reads of one transcript and of the study, for the record.
        var one = $"/api/studies/{study}/transcripts/{TranscriptId(0)}";
        foreach (
            var (key, path) in new[]
            {
                (PipelineFixture.LeadKey, $"/api/studies/{study}"),
                (PipelineFixture.LeadKey, one),
                (PipelineFixture.AdminKey, $"/api/admin/studies/{study}/transcripts/{TranscriptId(0)}/timeline"),
            }
        )
        {
            var call = await CallAsync(key, path);
            report.Add(
                $"GET {path.Replace(study, "{study}").Replace(TranscriptId(0), "{transcript}")}\t5000\t{call.Requests}\t{call.Units}\t{call.Milliseconds}"
            );
            Assert.InRange(call.Requests, 1, 3);
        }
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".local"));
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Root, ".local", "cosmos-requests.txt"), report);

        Assert.Equal(small.Requests, large.Requests);
    }

    static string TranscriptId(int i) => $"t-load-{i:D5}";

    /// <summary>Transcripts recorded ready for coding through the store (which counts them into the study's summary).</summary>
    async Task AddReadyTranscriptsAsync(string study, int from, int count)
    {
        var summaries = new StudySummaryStore(fixture.Cosmos, TimeProvider.System);
        foreach (var chunk in Enumerable.Range(from, count).Chunk(1000))
        {
            await Parallel.ForEachAsync(
                chunk,
                new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, ct) =>
                {
                    var at = DateTimeOffset.UtcNow;
                    await fixture.Transcripts.CreateOrGetAsync(
                        new TranscriptDocument
                        {
                            Id = TranscriptId(i),
                            StudyId = study,
                            SiteId = i % 2 == 0 ? "kampala" : "dar-es-salaam",
                            Language = "en",
                            FileName = "load.txt",
                            Status = TranscriptStatus.SuggestionsReady,
                            ReceivedAt = at,
                            UpdatedAt = at,
                            History =
                            [
                                new(TranscriptStatus.Received, at),
                                new(TranscriptStatus.Parsed, at),
                                new(TranscriptStatus.Pseudonymised, at),
                                new(TranscriptStatus.SuggestionsReady, at),
                            ],
                        },
                        ct
                    );
                }
            );
            // As the sweep does between admins' reads: reading the summary trims its moves.
            await summaries.GetAsync(study, default);
        }
    }

    async Task<(int Requests, double Units, long Milliseconds)> CallAsync(string key, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var http = fixture.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        ExportedSpan? span = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (span is null && DateTime.UtcNow < deadline)
        {
            span = fixture.Spans().FirstOrDefault(s => s.TraceId == trace.ToString() && s.Kind == "Server");
            if (span is null)
                await Task.Delay(200);
        }
        Assert.NotNull(span);
        return (
            int.Parse(span.Tag("pipeline.cosmos.requests")!, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(span.Tag("pipeline.cosmos.request_units")!, System.Globalization.CultureInfo.InvariantCulture),
            elapsed
        );
    }
}
