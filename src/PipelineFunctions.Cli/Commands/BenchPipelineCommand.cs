using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>bench-pipeline</c>: upload → final-state latency through the running app, from the transcript's own history
/// (received to last status), for the sample transcripts and for a synthetic 10,000-word interview. Prints p50/p95.
/// </summary>
public sealed class BenchPipelineCommand : ICliCommand
{
    public string Name => "bench-pipeline";
    public string Usage => "bench-pipeline --url <app url> --study <samples/study.json> [--runs N] [--throughput N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var studyFile = Path.GetFullPath(parsed.Required("study"));
        var runs = int.Parse(parsed.Option("runs") ?? "10", CultureInfo.InvariantCulture);
        var folder = Path.GetDirectoryName(studyFile)!;
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(studyFile))!.AsObject();
        var leadKey = (string)sample["studyLeadKey"]!;
        using var api = new PipelineApiClient(new Uri(parsed.Required("url")));
        var latencies = new Dictionary<string, List<double>> { ["samples"] = [], ["synthetic 10k words"] = [] };
        // Each step of the history (status → next status) per group, to see which stage costs what; run 1 apart, since
        // it is the one a fresh start pays for.
        var steps = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var firstRun = new Dictionary<string, List<double>> { ["samples"] = [], ["synthetic 10k words"] = [] };

        for (var run = 1; run <= runs; run++)
        {
            // A fresh study per run: the same file in another study is a new transcript, not a duplicate.
            var studyId = $"bench-{run}-{Guid.NewGuid():n}"[..24];
            var (created, detail) = await api.CreateStudyAsync(
                await PipelineApiClient.StudyRequestAsync(sample, folder, studyId, siteCheck: false),
                leadKey
            );
            if (!created)
            {
                await stderr.WriteLineAsync($"bench-pipeline: creating a study failed: {detail}");
                return 1;
            }

            var pending = new List<(string Id, string Expected, string Group)>();
            var ids = new Dictionary<string, string>();
            foreach (var upload in sample["uploads"]!.AsArray().Select(u => u!.AsObject()))
            {
                var source = (string?)upload["translationOf"] is { } key ? ids[key] : null;
                var file = (string)upload["file"]!;
                var (_, body) = await api.UploadAsync(
                    studyId,
                    Path.GetFileName(file),
                    await File.ReadAllBytesAsync(Path.Combine(folder, file)),
                    (string)upload["site"]!,
                    (string)upload["language"]!,
                    source,
                    (string)upload["uploaderKey"]!
                );
                ids[(string)upload["key"]!] = (string)body!["transcriptId"]!;
                pending.Add((ids[(string)upload["key"]!], (string)upload["expected"]!, "samples"));
            }
            var first = sample["uploads"]!.AsArray()[0]!;
            // Another interview each run (its sentences drawn afresh), so the process's caches see it for the first time.
            var (_, synth) = await api.UploadAsync(
                studyId,
                "synthetic-10k.txt",
                SyntheticInterview(10_000, variant: run),
                (string)first["site"]!,
                "en",
                null,
                (string)first["uploaderKey"]!
            );
            pending.Add(((string)synth!["transcriptId"]!, "SuggestionsReady", "synthetic 10k words"));

            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (pending.Count > 0 && DateTime.UtcNow < deadline)
            {
                foreach (var p in pending.ToList())
                {
                    var t = await api.TranscriptAsync(studyId, p.Id, leadKey);
                    if ((string?)t?["summary"]?["status"] != p.Expected)
                        continue;
                    var history = t!["history"]!.AsArray();
                    var ms = (
                        (DateTimeOffset)history[^1]!["at"]! - (DateTimeOffset)history[0]!["at"]!
                    ).TotalMilliseconds;
                    latencies[p.Group].Add(ms);
                    if (run == 1)
                        firstRun[p.Group].Add(ms);
                    for (var i = 1; i < history.Count; i++)
                    {
                        var step = $"{p.Group}: {history[i - 1]!["status"]} → {history[i]!["status"]}";
                        if (!steps.TryGetValue(step, out var list))
                            steps[step] = list = [];
                        list.Add(
                            (
                                (DateTimeOffset)history[i]!["at"]! - (DateTimeOffset)history[i - 1]!["at"]!
                            ).TotalMilliseconds
                        );
                    }
                    pending.Remove(p);
                }
                await Task.Delay(100);
            }
            if (pending.Count > 0)
            {
                await stderr.WriteLineAsync(
                    $"bench-pipeline: {pending.Count} transcript(s) did not finish in run {run}."
                );
                return 1;
            }
        }

        await stdout.WriteLineAsync($"upload → final state, server-side, {runs} run(s):");
        foreach (var (group, values) in latencies)
            await stdout.WriteLineAsync(
                $"  {group, -22} n={values.Count, 4}  p50={Percentile(values, 50), 7:F0} ms  p95={Percentile(values, 95), 7:F0} ms  max={values.Max(), 7:F0} ms"
            );
        foreach (var (group, values) in firstRun)
            await stdout.WriteLineAsync($"  run 1 (fresh start) {group}: max={values.Max():F0} ms");
        await stdout.WriteLineAsync("each step of the history:");
        foreach (var (step, values) in steps)
            await stdout.WriteLineAsync(
                $"  {step, -70} n={values.Count, 4}  p50={Percentile(values, 50), 7:F0} ms  max={values.Max(), 7:F0} ms"
            );
        return parsed.Option("throughput") is { } many
            ? await ThroughputAsync(
                api,
                sample,
                folder,
                leadKey,
                int.Parse(many, CultureInfo.InvariantCulture),
                stdout,
                stderr
            )
            : 0;
    }

    /// <summary>
    /// N distinct interviews uploaded by four sites at once: transcripts per hour from the first upload received to the
    /// last transcript ready (server-side times), and each one's upload → ready latency under that load.
    /// </summary>
    static async Task<int> ThroughputAsync(
        PipelineApiClient api,
        JsonObject sample,
        string folder,
        string leadKey,
        int count,
        TextWriter stdout,
        TextWriter stderr
    )
    {
        var studyId = $"load-{Guid.NewGuid():n}"[..24];
        var (created, detail) = await api.CreateStudyAsync(
            await PipelineApiClient.StudyRequestAsync(sample, folder, studyId, siteCheck: false),
            leadKey
        );
        if (!created)
        {
            await stderr.WriteLineAsync($"bench-pipeline: creating a study failed: {detail}");
            return 1;
        }
        var first = sample["uploads"]!.AsArray()[0]!;
        var flow = new Load.TranscriptFlow(
            api,
            studyId,
            (string)first["site"]!,
            (string)first["uploaderKey"]!,
            leadKey
        );
        var ids = new string[count];
        var next = -1;
        await Task.WhenAll(
            Enumerable
                .Range(0, 4)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
                            ids[n] = await flow.UploadAsync(1_000_000 + n, CancellationToken.None);
                    })
                )
        );
        var histories = await flow.WaitAsync(ids, TimeSpan.FromMinutes(20), CancellationToken.None);
        var ready = histories.Values.Where(h => (string?)h[^1]!["status"] == "SuggestionsReady").ToList();
        if (ready.Count < count)
        {
            await stderr.WriteLineAsync(
                $"bench-pipeline: {count - ready.Count} of {count} did not reach SuggestionsReady."
            );
            return 1;
        }
        var start = ready.Min(h => (DateTimeOffset)h[0]!["at"]!);
        var end = ready.Max(h => (DateTimeOffset)h[^1]!["at"]!);
        var latency = ready
            .Select(h => ((DateTimeOffset)h[^1]!["at"]! - (DateTimeOffset)h[0]!["at"]!).TotalMilliseconds)
            .ToList();
        await stdout.WriteLineAsync(
            $"throughput: {count} transcripts in {(end - start).TotalSeconds:0.0} s = {count / (end - start).TotalHours:0} transcripts/hour; "
                + $"upload → ready under load p50={Percentile(latency, 50):F0} ms p95={Percentile(latency, 95):F0} ms"
        );
        return 0;
    }

    static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// An interview of about <paramref name="words"/> words: alternating turns built from ordinary interview sentences.
    /// Without <paramref name="variant"/> the same few sentences repeat; with one, each sentence gets a lead-in and
    /// a close drawn for that variant, so nearly every passage and phrase is text no run has seen (caches do not flatter
    /// a run) while the interview reads and costs the same.
    /// </summary>
    public static byte[] SyntheticInterview(int words, int? variant = null)
    {
        string[] questions =
        [
            "How did the team welcome you when you started on the ward?",
            "What helps you most in your work as a peer support worker?",
            "Can you tell me about a difficult day?",
            "How do you look after yourself after a long shift?",
        ];
        string[] answers =
        [
            "My supervisor backs me up and speaks to the nurses when they do not understand my role.",
            "The training gave me counselling skills and I feel the work has meaning for me and for the patients.",
            "Some staff still look down on us and exclude us from the handover meetings, which hurts.",
            "The hospital rules slow everything down because I need several signatures before I can take someone outside.",
            "I walk home, I pray and I talk to a friend in the evening so that I can rest before the next day.",
            "It was not clear at first what I should do, the nurses asked me to clean or to watch patients.",
        ];
        string[] leads =
        [
            "Honestly,",
            "In the first weeks,",
            "On the night shift,",
            "Since the last meeting,",
            "Most days",
            "Looking back,",
            "On the busy ward",
            "When the manager is away",
        ];
        string[] closes =
        [
            "and that has stayed with me for {0} weeks",
            "which I told the group about on visit {0}",
            "as I wrote in my diary on page {0}",
            "and it happened again with {0} patients that month",
            "which the other {0} workers also said",
        ];
        var random = variant is { } seed ? new Random(seed) : null;
        string Sentence(string answer) =>
            random is null
                ? answer
                : $"{leads[random.Next(leads.Length)]} {(answer.StartsWith("I ", StringComparison.Ordinal) ? answer[0] : char.ToLowerInvariant(answer[0]))}{answer[1..^1]}, "
                    + string.Format(
                        CultureInfo.InvariantCulture,
                        closes[random.Next(closes.Length)],
                        random.Next(2, 400)
                    )
                    + ".";
        var text = new StringBuilder();
        var count = 0;
        for (var turn = 0; count < words; turn++)
        {
            var line =
                turn % 2 == 0
                    ? $"Interviewer: {questions[turn / 2 % questions.Length]}"
                    : $"P{1 + turn % 3}: {string.Join(' ', Enumerable.Range(0, 6).Select(i => Sentence(answers[(turn + i) % answers.Length])))}";
            text.Append(line).Append('\n');
            count += line.Split(' ').Length - 1;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
