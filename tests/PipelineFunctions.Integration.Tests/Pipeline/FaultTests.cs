using System.Diagnostics;
using System.Net;
using System.Text;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// Faults while transcripts flow: the worker process killed at random moments (the host starts a new one), and storage cut off for 30 s. Each run is bounded in
/// time and prints its figures (transcripts, kills, recovery time, duplicates).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class FaultTests(PipelineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_worker_at_random_moments_loses_nothing_and_duplicates_nothing()
    {
        const int count = 50,
            kills = 5;
        var study = await fixture.CreateStudyAsync("faults");
        var random = new Random(20261123);
        var ids = new string?[count];
        var uploads = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
                ids[i] = await UploadUntilAnsweredAsync(study, Interview(i));
        });
        var restarts = Task.Run(async () =>
        {
            for (var k = 0; k < kills; k++)
            {
                await Task.Delay(random.Next(1_000, 4_000));
                await fixture.KillWorkerAsync();
            }
        });
        await Task.WhenAll(uploads, restarts);
        var lastRestart = Stopwatch.StartNew();

        var transcripts = await WaitForAllAsync(study, count, TimeSpan.FromSeconds(180));
        var recovery = lastRestart.Elapsed;
        Assert.All(transcripts, t => Assert.Equal(TranscriptStatus.SuggestionsReady, t.Status));
        Assert.Equal(ids.Order(), transcripts.Select(t => t.Id).Order());

        var review = new ReviewStore(fixture.Cosmos);
        var duplicates = 0;
        foreach (var t in transcripts)
        {
            var segments = await review.SegmentsAsync(t.Id, default);
            duplicates += segments.Count - segments.Select(s => s.Segment).Distinct().Count();
            Assert.Equal(t.TurnCount, segments.Count);
            var suggestions = await review.SuggestionsAsync(t.Id, default);
            duplicates += suggestions.Count - suggestions.Select(s => (s.Segment, s.CodeId)).Distinct().Count();
            Assert.Equal(t.SuggestionCount, suggestions.Count(s => !s.IsAbstention));
        }
        var blobs = new List<string>();
        await foreach (
            var blob in fixture.Blobs.Uploads.GetBlobsAsync(
                new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{study}/" }
            )
        )
            blobs.Add(blob.Name);
        Assert.Equal(count, blobs.Count);
        Assert.Equal(0, duplicates);
        output.WriteLine(
            $"fault: {count} transcripts, {kills} kills, all SuggestionsReady {recovery.TotalSeconds:0.0} s after the last kill, {duplicates} duplicate documents, {blobs.Count} uploads kept"
        );
    }

    [Fact]
    public async Task Storage_gone_for_30_seconds_mid_run_the_pipeline_waits_and_recovers()
    {
        using var azurite = new PrivateAzurite();
        using var blob = new StorageRelay(azurite.Ports.Blob);
        using var queue = new StorageRelay(azurite.Ports.Queue);
        using var table = new StorageRelay(azurite.Ports.Table);
        StorageRelay[] relays = [blob, queue, table];
        // Its own app against its own Azurite, reached through relays the test cuts, and its own database; the suite's
        // app goes on with the shared Azurite.
        var connection = PrivateAzurite.Connection((blob.Port, queue.Port, table.Port));
        var environment = new Dictionary<string, string>(fixture.Environment)
        {
            ["Pipeline__CosmosDatabase"] = $"fault-{Guid.NewGuid():n}",
            ["Pipeline__StorageConnection"] = connection,
            ["AzureWebJobsStorage"] = connection,
            // A dequeue whose answer the cut swallowed leaves its message hidden for the host's ten minutes: the sweep
            // hands such a transcript on once it has sat this long.
            ["Pipeline__StalledAfterSeconds"] = "20",
        };
        await using var app = new AppProcess(environment);
        using var cosmos = Cosmos(environment["Pipeline__CosmosDatabase"]);
        var store = new TranscriptStore(cosmos, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        await app.StartAsync();
        using var lead = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        lead.DefaultRequestHeaders.Add("X-Api-Key", PipelineFixture.LeadKey);
        var study = await CreateStudyAsync(lead);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await lead.PostAsync($"/api/studies/{study}/transcripts", Form(Interview(i)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(
                (string)
                    System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["transcriptId"]!
            );
        }

        foreach (var relay in relays)
            relay.Cut();
        var down = Stopwatch.StartNew();
        var readyAtCut = (await store.ListAsync(study, default)).Count(t =>
            t.Status == TranscriptStatus.SuggestionsReady
        );
        Assert.True(readyAtCut < 10, "every transcript was ready before the cut: the outage tested nothing");
        // While storage is gone an upload is answered, not hung for ever, and is not taken.
        using (var during = await lead.PostAsync($"/api/studies/{study}/transcripts", Form(Interview(99))))
            Assert.True(
                (int)during.StatusCode >= 500,
                $"an upload with storage down answered {(int)during.StatusCode}"
            );
        await Task.Delay(TimeSpan.FromSeconds(30) - down.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        Assert.False(app.HasExited);
        foreach (var relay in relays)
            relay.Restore();
        var back = Stopwatch.StartNew();

        var deadline = DateTime.UtcNow.AddSeconds(150);
        List<TranscriptDocument> transcripts;
        do
        {
            transcripts = [.. await store.ListAsync(study, default)];
            if (ids.All(id => transcripts.Any(t => t.Id == id && t.Status == TranscriptStatus.SuggestionsReady)))
                break;
            await Task.Delay(500);
        } while (DateTime.UtcNow < deadline);
        var states = string.Join(", ", transcripts.Select(t => $"{t.Id}:{t.Status}"));
        if (!ids.All(id => transcripts.Any(t => t.Id == id && t.Status == TranscriptStatus.SuggestionsReady)))
            await ExplainAsync(connection, app);
        Assert.True(
            ids.All(id => transcripts.Any(t => t.Id == id && t.Status == TranscriptStatus.SuggestionsReady)),
            states
        );
        Assert.False(app.HasExited);
        output.WriteLine(
            $"outage: storage cut for {down.Elapsed.TotalSeconds - back.Elapsed.TotalSeconds:0} s with {10 - readyAtCut} of 10 transcripts "
                + $"in flight; all SuggestionsReady {back.Elapsed.TotalSeconds:0.0} s after it came back ({app.Log.Count(l => l.Contains(" again.", StringComparison.Ordinal))} "
                + $"handed on by the sweep); app never exited; {clock.Elapsed.TotalSeconds:0} s in all"
        );
    }

    [Fact]
    public async Task A_transcript_whose_stage_message_was_lost_is_handed_on_and_one_waiting_in_a_backlog_is_left_to_it()
    {
        using var azurite = new PrivateAzurite();
        var environment = new Dictionary<string, string>(fixture.Environment)
        {
            ["Pipeline__CosmosDatabase"] = $"stalled-{Guid.NewGuid():n}",
            ["Pipeline__StorageConnection"] = azurite.ConnectionString,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Pipeline__StalledAfterSeconds"] = "3",
            ["StalledTranscriptsSchedule"] = "*/2 * * * * *",
            // First no pseudonymisation at all: the transcript stops at Parsed with its message waiting.
            ["AzureWebJobs.PseudonymiseTranscript.Disabled"] = "true",
        };
        using var cosmos = Cosmos(environment["Pipeline__CosmosDatabase"]);
        var store = new TranscriptStore(cosmos, TimeProvider.System);
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, PipelineQueues.Pseudonymise);
        string study,
            id;
        await using (var halted = new AppProcess(environment))
        {
            await halted.StartAsync();
            using var lead = new HttpClient { BaseAddress = halted.BaseAddress };
            lead.DefaultRequestHeaders.Add("X-Api-Key", PipelineFixture.LeadKey);
            study = await CreateStudyAsync(lead);
            using var response = await lead.PostAsync($"/api/studies/{study}/transcripts", Form(Interview(1)));
            id = (string)
                System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["transcriptId"]!;
            await WaitForStatusAsync(store, study, id, TranscriptStatus.Parsed, TimeSpan.FromSeconds(60));

            // Sweeps past the stall time (3 s; a sweep every 2 s, so the 3rd and 4th after Parsed): a message waits in the
            // queue, so the transcript is left to it. Those sweeps having run is the positive control.
            var sweeps = SweepRuns(halted);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (SweepRuns(halted) < sweeps + 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "the sweep did not run four times within 60 s");
                await Task.Delay(200);
            }
            Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            Assert.DoesNotContain(halted.Log, l => l.Contains("sat at Parsed", StringComparison.Ordinal));
        }

        // The message taken as a dequeue whose answer never arrived: hidden for the host's ten minutes.
        Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(10))).Value);
        environment.Remove("AzureWebJobs.PseudonymiseTranscript.Disabled");
        await using var app = new AppProcess(environment);
        await app.StartAsync();
        var handed = Stopwatch.StartNew();
        await WaitForStatusAsync(store, study, id, TranscriptStatus.SuggestionsReady, TimeSpan.FromSeconds(60));
        Assert.Contains(
            app.Log,
            l =>
                l.Contains($"Transcript {id} of study {study} sat at Parsed", StringComparison.Ordinal)
                && l.Contains("handed to pseudonymise again.", StringComparison.Ordinal)
        );
        output.WriteLine(
            $"stalled: a transcript whose pseudonymise message was lost was SuggestionsReady {handed.Elapsed.TotalSeconds:0.0} s after the app came back (sweep every 2 s, stalled after 3 s)"
        );
    }

    static int SweepRuns(AppProcess app) =>
        app.Log.Count(l => l.Contains("Executed HandOnStalledTranscripts (Succeeded", StringComparison.Ordinal));

    /// <summary>The database of a test's own app.</summary>
    CosmosContainers Cosmos(string database) =>
        new(
            new App.Settings.PipelineSettings
            {
                CosmosEndpoint = fixture.Settings.CosmosEndpoint,
                CosmosKey = fixture.Settings.CosmosKey,
                CosmosDatabase = database,
                CosmosTrustLocalCertificate = true,
            }
        );

    static async Task WaitForStatusAsync(
        TranscriptStore store,
        string study,
        string id,
        TranscriptStatus status,
        TimeSpan limit
    )
    {
        var deadline = DateTime.UtcNow + limit;
        while ((await store.GetAsync(study, id, default))?.Status != status)
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"transcript {id} did not reach {status} within {limit.TotalSeconds} s"
            );
            await Task.Delay(250);
        }
    }

    /// <summary>What a stuck run leaves behind: each queue's messages, hidden or not, and the host's warnings (ids only).</summary>
    async Task ExplainAsync(string connection, AppProcess app)
    {
        var service = new Azure.Storage.Queues.QueueServiceClient(connection);
        await foreach (var queue in service.GetQueuesAsync())
        {
            var client = service.GetQueueClient(queue.Name);
            var properties = await client.GetPropertiesAsync();
            var visible = await client.PeekMessagesAsync(32);
            output.WriteLine(
                $"outage: queue {queue.Name}: {properties.Value.ApproximateMessagesCount} messages, {visible.Value.Length} visible"
            );
        }
        foreach (
            var line in app
                .Log.Where(l =>
                    l.Contains("warn", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("fail", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("Job listeners", StringComparison.Ordinal)
                )
                .TakeLast(60)
        )
            output.WriteLine($"outage log: {line}");
    }

    /// <summary>Uploads as a site would over a bad line: on no answer or a 5xx it tries again; a 409 names the transcript it already made.</summary>
    async Task<string> UploadUntilAnsweredAsync(string study, byte[] content)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                var (status, body) = await fixture.UploadAsync(
                    study,
                    "kampala",
                    "interview.txt",
                    content,
                    PipelineFixture.KampalaKey
                );
                if (status is HttpStatusCode.Accepted or HttpStatusCode.Conflict)
                    return (string)body!["transcriptId"]!;
                Assert.True((int)status >= 500, $"upload answered {(int)status}");
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("An upload found no app for two minutes.");
            await Task.Delay(300);
        }
    }

    async Task<List<TranscriptDocument>> WaitForAllAsync(string study, int count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        List<TranscriptDocument> transcripts;
        do
        {
            transcripts = [.. await fixture.Transcripts.ListAsync(study, default)];
            if (
                transcripts.Count >= count
                && transcripts.All(t =>
                    t.Status
                        is TranscriptStatus.SuggestionsReady
                            or TranscriptStatus.Failed
                            or TranscriptStatus.Rejected
                )
            )
                break;
            await Task.Delay(500);
        } while (DateTime.UtcNow < deadline);
        return transcripts;
    }

    static byte[] Interview(int n) =>
        Encoding.UTF8.GetBytes(
            string.Concat(
                Enumerable
                    .Range(1, 8)
                    .Select(t =>
                        t % 2 == 1
                            ? $"Interviewer: Question {t} of interview {n}: how did the peer support role work on the ward?\n"
                            : $"P{n}: In week {t} the nurses still did not know my role, but training helped me cope and I felt hope.\n"
                    )
            )
        );

    static MultipartFormDataContent Form(byte[] content) =>
        new()
        {
            { new ByteArrayContent(content), "file", "interview.txt" },
            { new StringContent("kampala"), "site" },
            { new StringContent("en"), "language" },
        };

    static async Task<string> CreateStudyAsync(HttpClient lead)
    {
        var id = $"outage-{Guid.NewGuid():n}"[..24];
        using var response = await lead.PostAsync(
            "/api/studies",
            new StringContent(
                $$"""{"id":"{{id}}","name":"Outage","sites":[{"id":"kampala","name":"Kampala"}],"languages":["en"],"siteCheck":false,"codebook":{{File.ReadAllText(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json"))}}}""",
                Encoding.UTF8,
                "application/json"
            )
        );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }
}
