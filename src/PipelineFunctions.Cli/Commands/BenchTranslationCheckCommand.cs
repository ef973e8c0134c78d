using System.Diagnostics;
using System.Globalization;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>bench-translation-check</c>: the automated check on an hour-long interview pair (about 9,000 words a side, 150
/// turns, built from the Kiswahili sample pair), median of several runs, with the detector's build time apart.
/// </summary>
public sealed class BenchTranslationCheckCommand : ICliCommand
{
    public string Name => "bench-translation-check";
    public string Usage => "bench-translation-check --pairs <samples/translation-pairs> [--runs N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var folder = parsed.Required("pairs");
        var runs = int.Parse(parsed.Option("runs") ?? "5", CultureInfo.InvariantCulture);
        var source = Repeat(
            TranscriptReader
                .Read("s.txt", await File.ReadAllBytesAsync(Path.Combine(folder, "sw-clean.source.txt")))
                .Turns,
            150
        );
        var translation = Repeat(
            TranscriptReader.Read("t.txt", await File.ReadAllBytesAsync(Path.Combine(folder, "sw-clean.en.txt"))).Turns,
            150
        );

        var build = Stopwatch.StartNew();
        var checker = new TranslationChecker(["sw", "lg", "de", "he"]);
        checker.Check(source[..2], "sw", translation[..2], "en"); // loads the language models
        build.Stop();

        var times = new List<double>();
        TranslationCheckResult? result = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = checker.Check(source, "sw", translation, "en");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        await stdout.WriteLineAsync(
            $"pair: {source.Count} turns, {Words(source):N0} source words, {Words(translation):N0} translation words"
        );
        await stdout.WriteLineAsync(
            $"  detector build and model load: {build.Elapsed.TotalMilliseconds:F0} ms (once per app)"
        );
        await stdout.WriteLineAsync(
            $"  check: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs; {result!.Flags.Count} flags"
        );
        return 0;
    }

    /// <summary>150 turns, each sample turn's text said five times over: about 9,000 words, an hour of talk.</summary>
    static List<SpeakerTurn> Repeat(IReadOnlyList<SpeakerTurn> turns, int count) =>
        Enumerable
            .Range(0, count)
            .Select(i =>
            {
                var turn = turns[i % turns.Count];
                return turn with { Index = i + 1, Text = string.Join(' ', Enumerable.Repeat(turn.Text, 5)) };
            })
            .ToList();

    static int Words(IEnumerable<SpeakerTurn> turns) =>
        turns.Sum(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
}
