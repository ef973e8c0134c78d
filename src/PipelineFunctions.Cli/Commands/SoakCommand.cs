using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Api;
using PipelineFunctions.Cli.Load;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>soak</c>: many transcripts through a running app while its worker process is killed at random moments (the host
/// starts a new one each time, as the Functions host does). At the end every transcript must be final and no segment or
/// suggestion written twice. Bounded: the uploads, the kills and the wait each have their limit.
/// </summary>
public sealed class SoakCommand : ICliCommand
{
    public string Name => "soak";
    public string Usage =>
        "soak --url <app url> --study <samples/study.json> --worker-pid-file <file> [--transcripts 500] [--kills 100] [--seed N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var studyFile = Path.GetFullPath(parsed.Required("study"));
        var pidFile = parsed.Required("worker-pid-file");
        var count = int.Parse(parsed.Option("transcripts") ?? "500", CultureInfo.InvariantCulture);
        var kills = int.Parse(parsed.Option("kills") ?? "100", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(parsed.Option("seed") ?? "20261128", CultureInfo.InvariantCulture));
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(studyFile))!.AsObject();
        var leadKey = (string)sample["studyLeadKey"]!;
        var first = sample["uploads"]!.AsArray()[0]!;
        using var api = new PipelineApiClient(new Uri(parsed.Required("url")));
        var studyId = $"soak-{Guid.NewGuid():n}"[..24];
        var (created, detail) = await api.CreateStudyAsync(
            await PipelineApiClient.StudyRequestAsync(
                sample,
                Path.GetDirectoryName(studyFile)!,
                studyId,
                siteCheck: false
            ),
            leadKey
        );
        if (!created)
        {
            await stderr.WriteLineAsync($"soak: creating a study failed: {detail}");
            return 1;
        }
        var flow = new TranscriptFlow(api, studyId, (string)first["site"]!, (string)first["uploaderKey"]!, leadKey);

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var clock = Stopwatch.StartNew();
        var ids = new string[count];
        var next = -1;
        // Four sites uploading at once, each waiting for its answer.
        var uploads = Task.WhenAll(
            Enumerable
                .Range(0, 4)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
                            ids[n] = await flow.UploadAsync(n, stop.Token);
                    })
                )
        );
        var killed = 0;
        var killer = Task.Run(async () =>
        {
            // Each kill hits a worker that is up and working: after one, wait for the host to start the next worker, let it
            // run a random 1–4 s, then kill it (a worker killed while it starts would only look like a crash loop).
            var last = "";
            while (killed < kills && !stop.IsCancellationRequested)
            {
                var current = await NextWorkerAsync(pidFile, last, stop.Token);
                await Task.Delay(TimeSpan.FromMilliseconds(1_000 + random.Next(3_000)), stop.Token);
                if (KillWorker(current))
                {
                    killed++;
                    last = current;
                }
            }
        });
        await uploads;
        await killer;
        var lastKill = clock.Elapsed;

        // A message whose every try met a kill went to poison, as in Azure (five tries); an admin replays those, and the
        // figures count them.
        var histories = await flow.WaitAsync(ids, TimeSpan.FromMinutes(2), stop.Token);
        var replayed = 0;
        for (
            var round = 0;
            round < 10 && histories.Count(h => (string?)h.Value[^1]!["status"] == "SuggestionsReady") < count;
            round++
        )
        {
            var sent = await ReplayPoisonAsync(api, stop.Token);
            replayed += sent;
            if (sent == 0 && round > 0)
                break;
            histories = await flow.WaitAsync(ids, TimeSpan.FromMinutes(3), stop.Token);
        }
        var settled = clock.Elapsed;
        var ready = histories.Values.Count(h => (string?)h[^1]!["status"] == "SuggestionsReady");
        var duplicates = 0;
        foreach (var id in ids.Distinct())
            duplicates += await flow.DuplicatesAsync(id, "local-coder-key");
        await stdout.WriteLineAsync(
            $"soak: {count} transcripts, {killed} worker kills in {lastKill.TotalSeconds:0} s; "
                + $"{ready} SuggestionsReady, {histories.Count - ready} other final, {count - histories.Count} unfinished, "
                + $"{ids.Distinct().Count()} distinct ids, {duplicates} duplicate documents, {replayed} poison message(s) replayed; all final {(settled - lastKill).TotalSeconds:0.0} s after the last kill"
        );
        return ready == count && duplicates == 0 && ids.Distinct().Count() == count ? 0 : 1;
    }

    /// <summary>Replays every poison message that names a transcript, as an admin would from the dashboard; how many were sent back.</summary>
    static async Task<int> ReplayPoisonAsync(PipelineApiClient api, CancellationToken ct)
    {
        var sent = 0;
        for (var page = 0; page < 50 && !ct.IsCancellationRequested; page++)
        {
            var (_, body) = await api.BytesAsync(HttpMethod.Get, "/api/admin/status", AdminKey);
            var waiting = JsonNode.Parse(body)!["poison"]!
                .AsArray()
                .SelectMany(q =>
                    q!["messages"]!
                        .AsArray()
                        .Where(m => m!["transcriptId"] is not null)
                        .Select(m => ((string)q["stageQueue"]!, (string)m!["id"]!))
                )
                .ToList();
            if (waiting.Count == 0)
                return sent;
            foreach (var (queue, id) in waiting)
                if (
                    (
                        await api.BytesAsync(HttpMethod.Post, $"/api/admin/poison/{queue}/{id}/replay", AdminKey, [])
                    ).Status == System.Net.HttpStatusCode.OK
                )
                    sent++;
        }
        return sent;
    }

    const string AdminKey = "local-admin-key";

    /// <summary>The worker's pid once the host has written one other than <paramref name="last"/>.</summary>
    static async Task<string> NextWorkerAsync(string pidFile, string last, CancellationToken ct)
    {
        while (true)
        {
            var pid = File.Exists(pidFile) ? (await File.ReadAllTextAsync(pidFile, ct)).Trim() : "";
            if (pid.Length > 0 && pid != last)
                return pid;
            await Task.Delay(100, ct);
        }
    }

    static bool KillWorker(string pid)
    {
        try
        {
            using var worker = Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit(10_000);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
