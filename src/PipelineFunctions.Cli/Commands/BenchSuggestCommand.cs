using System.Diagnostics;
using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Semantic;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>bench-suggest</c>: the semantic engine's costs — model load time and memory, engine build, and an hour-long
/// interview (about 10,000 words) cold (every passage new to the cache) and warm (suggested again) — beside the
/// lexical engine. The synthetic interview repeats its answers, so each unit is made distinct (its segment number
/// is prefixed) to keep the cold figure honest.
/// </summary>
public sealed class BenchSuggestCommand : ICliCommand
{
    public string Name => "bench-suggest";
    public string Usage =>
        "bench-suggest --codebook <file> [--examples <file.jsonl>] [--runs N] [--models minilm|arctic|both]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
        var examples = parsed.Option("examples") is { } file
            ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file))
            : [];
        var runs = int.Parse(parsed.Option("runs") ?? "3", CultureInfo.InvariantCulture);
        var interview = TranscriptReader.Read("hour.txt", BenchPipelineCommand.SyntheticInterview(10_000));
        var units = CodingUnits
            .FromTurns(interview.Turns, SuggestionOptions.Default)
            .Select(u => u with { Text = $"In week {u.Segment}, {u.Text}" })
            .ToList();
        var coded = units.Count(u => !u.IsInterviewer);
        await stdout.WriteLineAsync(
            $"hour-long interview: {interview.Turns.Count} turns, {units.Count} coding units ({coded} coded), {examples.Count} examples, {Environment.ProcessorCount} cores"
        );

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var models = parsed.Option("models") ?? SharedEmbeddings.DefaultModels;
        var load = Stopwatch.StartNew();
        ISentenceEmbedder model = models switch
        {
            "minilm" => SentenceModel.MiniLm,
            "arctic" => ArcticModels.Model,
            _ => new CombinedEmbedder(SentenceModel.MiniLm, ArcticModels.Model),
        };
        load.Stop();
        GC.Collect();
        var after = Process.GetCurrentProcess().WorkingSet64;
        await stdout.WriteLineAsync(
            $"  model load ({models}): {load.Elapsed.TotalMilliseconds:F0} ms, working set +{(after - before) / 1e6:F0} MB (now {after / 1e6:F0} MB)"
        );

        var cold = new List<double>();
        var warm = new List<double>();
        long embedded = 0;
        double build = 0;
        for (var run = 0; run < runs; run++)
        {
            var cache = new EmbeddingCache(model);
            var watch = Stopwatch.StartNew();
            var engine = new SemanticSuggestionEngine(codebook, cache, examples);
            build = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            engine.Suggest(units);
            cold.Add(watch.Elapsed.TotalMilliseconds);
            embedded = cache.Computed;
            watch.Restart();
            engine.Suggest(units);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var coldMedian = Median(cold);
        await stdout.WriteLineAsync($"  semantic engine build ({examples.Count} examples, cold cache): {build:F0} ms");
        await stdout.WriteLineAsync(
            $"  semantic, cold: median {coldMedian:F0} ms per hour-long interview over {runs} runs; {coded / (coldMedian / 1000):N0} coded units/s; {embedded} texts embedded (units, phrases, codes, examples)"
        );
        await stdout.WriteLineAsync($"  semantic, warm (cached by content hash): median {Median(warm):F0} ms");
        await stdout.WriteLineAsync($"  peak working set: {peak / 1e6:F0} MB");

        var lexical = new LocalSuggestionEngine(codebook, examples);
        var lexicalWatch = Stopwatch.StartNew();
        lexical.Suggest(units);
        await stdout.WriteLineAsync(
            $"  lexical (before): {lexicalWatch.Elapsed.TotalMilliseconds:F0} ms per hour-long interview"
        );
        return 0;
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
