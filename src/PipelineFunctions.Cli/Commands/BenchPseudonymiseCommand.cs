using System.Diagnostics;
using System.Globalization;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Evaluation;
using PipelineFunctions.Core.Pseudonymisation.Languages;
using PipelineFunctions.Core.Pseudonymisation.Recognizers;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>bench-pseudonymise</c>: words per second over a synthetic corpus (1M words by default), beside a plain
/// tokenising pass over the same turns in the same run, and their ratio. Median of the timed repetitions.
/// </summary>
public sealed class BenchPseudonymiseCommand : ICliCommand
{
    public string Name => "bench-pseudonymise";
    public string Usage => "bench-pseudonymise [--words N] [--runs N] [--per-recognizer true]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var words = int.Parse(parsed.Option("words") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(parsed.Option("runs") ?? "3", CultureInfo.InvariantCulture);
        var turns = new List<SpeakerTurn>();
        var count = 0;
        foreach (var text in SyntheticCorpus.Generate(words / 25 + 1, seed: 11))
        {
            turns.Add(new SpeakerTurn(turns.Count + 1, turns.Count % 2 == 0 ? "Interviewer" : "P1", text.Text));
            count += Tokens.Of(text.Text).Count;
            if (count >= words)
                break;
        }

        var tokenising = Median(
            runs,
            () =>
            {
                var n = 0;
                foreach (var t in turns)
                    n += Tokens.Of(t.Text).Count;
                return n;
            }
        );
        var pseudonymising = Median(
            runs,
            () =>
                new TranscriptPseudonymiser(
                    new StudyPseudonymisation(new byte[32], SyntheticCorpus.Roster),
                    new PseudonymBook()
                )
                    .Pseudonymise(turns, "en")
                    .Replacements.Count
        );
        await stdout.WriteLineAsync($"{count:N0} words in {turns.Count:N0} turns, median of {runs} runs");
        await stdout.WriteLineAsync($"  tokenising:     {count / tokenising:N0} words/s ({tokenising:F2} s)");
        await stdout.WriteLineAsync($"  pseudonymising: {count / pseudonymising:N0} words/s ({pseudonymising:F2} s)");
        await stdout.WriteLineAsync(
            $"  ratio (pseudonymising time / tokenising time): {pseudonymising / tokenising:F1}"
        );
        // Per-sentence language detection runs inside pseudonymising; shown apart so its share is visible.
        var detecting = Median(runs, () => turns.Sum(t => StretchLanguages.Of(t.Text, Tokens.Of(t.Text), "en").Count));
        await stdout.WriteLineAsync(
            $"  of which language detection per sentence (with tokenising): {count / detecting:N0} words/s ({detecting:F2} s)"
        );
        if (parsed.Option("per-recognizer") == "true")
        {
            var inputs = turns
                .Select(t =>
                {
                    var tokens = Tokens.Of(t.Text);
                    return new RecognitionInput(t.Text, tokens, "en", StretchLanguages.Of(t.Text, tokens, "en"));
                })
                .ToList();
            foreach (var recognizer in RecognizerRegistry.For(SyntheticCorpus.Roster, new HashSet<string>()))
                await stdout.WriteLineAsync(
                    $"    {recognizer.Name, -14} {Median(1, () => inputs.Sum(i => recognizer.Recognize(i).Count())):F2} s"
                );
        }
        return 0;
    }

    static double Median(int runs, Func<int> work)
    {
        work(); // warm-up: JIT and lazy word lists
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
