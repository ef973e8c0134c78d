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
    public string Usage => "soak --url <app url> --study <samples/study.json> --worker-pid-file <file> [--transcripts 500] [--kills 100] [--seed N]";

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
        var (created, detail) = await api.CreateStudyAsync(await PipelineApiClient.StudyRequestAsync(sample, Path.GetDirectoryName(studyFile)!, studyId), leadKey);
        if (!created) { await stderr.WriteLineAsync($"soak: creating a study failed: {detail}"); return 1; }
        var flow = new TranscriptFlow(api, studyId, (string)first["site"]!, (string)first["uploaderKey"]!, leadKey);

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var clock = Stopwatch.StartNew();
        var ids = new string[count];
        var next = -1;
        // Four sites uploading at once, each waiting for its answer.
        var uploads = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
                ids[n] = await flow.UploadAsync(n, stop.Token);
        })));
        var killed = 0;
        var killer = Task.Run(async () =>
        {
            // Spread the kills over the time the uploads are expected to take (about 0.4 s each on 2 cores), then go on until all are done.
            var spacing = TimeSpan.FromMilliseconds(Math.Max(2_000, count * 400.0 / kills));
            while (killed < kills && !stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(spacing.TotalMilliseconds * (0.5 + random.NextDouble())), stop.Token);
                if (KillWorker(pidFile)) killed++;
            }
        });
        await uploads;
        await killer;
        var lastKill = clock.Elapsed;

        var histories = await flow.WaitAsync(ids, TimeSpan.FromMinutes(15), stop.Token);
        var settled = clock.Elapsed;
        var ready = histories.Values.Count(h => (string?)h[^1]!["status"] == "SuggestionsReady");
        var duplicates = 0;
        foreach (var id in ids.Distinct()) duplicates += await flow.DuplicatesAsync(id, "local-coder-key");
        await stdout.WriteLineAsync($"soak: {count} transcripts, {killed} worker kills in {lastKill.TotalSeconds:0} s; " +
            $"{ready} SuggestionsReady, {histories.Count - ready} other final, {count - histories.Count} unfinished, " +
            $"{ids.Distinct().Count()} distinct ids, {duplicates} duplicate documents; all final {(settled - lastKill).TotalSeconds:0.0} s after the last kill");
        return ready == count && duplicates == 0 && ids.Distinct().Count() == count ? 0 : 1;
    }

    static bool KillWorker(string pidFile)
    {
        try
        {
            using var worker = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture));
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit(10_000);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException) { return false; }
    }
}
