using System.Diagnostics;
using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary><c>bench-suggest</c>: coding units per second, and the time for an hour-long interview (about 10,000 words).</summary>
public sealed class BenchSuggestCommand : ICliCommand
{
    public string Name => "bench-suggest";
    public string Usage => "bench-suggest --codebook <file> [--examples <file.jsonl>] [--runs N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
        var examples = parsed.Option("examples") is { } file ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file)) : [];
        var runs = int.Parse(parsed.Option("runs") ?? "5", CultureInfo.InvariantCulture);
        var interview = TranscriptReader.Read("hour.txt", BenchPipelineCommand.SyntheticInterview(10_000));
        var units = CodingUnits.FromTurns(interview.Turns, SuggestionOptions.Default);

        var build = Stopwatch.StartNew();
        var engine = new LocalSuggestionEngine(codebook, examples);
        build.Stop();
        engine.Suggest(units.Take(5).ToList());
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            engine.Suggest(units);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var coded = units.Count(u => !u.IsInterviewer);
        await stdout.WriteLineAsync($"hour-long interview: {interview.Turns.Count} turns, {units.Count} coding units ({coded} coded), {examples.Count} examples");
        await stdout.WriteLineAsync($"  engine build: {build.Elapsed.TotalMilliseconds:F0} ms; suggest: median {median:F0} ms (min {times[0]:F0}, max {times[^1]:F0}) over {runs} runs");
        await stdout.WriteLineAsync($"  {coded / (median / 1000):N0} coded units per second");
        return 0;
    }
}
