using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Evaluation;

namespace PipelineFunctions.Cli.Commands;

/// <summary><c>evaluate-suggestions</c>: the engine beside a tf-idf baseline, zero-shot and few-shot, in one run.</summary>
public sealed class EvaluateSuggestionsCommand : ICliCommand
{
    public string Name => "evaluate-suggestions";
    public string Usage => "evaluate-suggestions --codebook <file> --labelled <file.jsonl> [--examples <file.jsonl>] [--folds N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        Codebook codebook;
        IReadOnlyList<LabelledExample> labelled, examples;
        try
        {
            codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
            labelled = LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(parsed.Required("labelled")));
            examples = parsed.Option("examples") is { } file ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file)) : [];
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            await stderr.WriteLineAsync($"evaluate-suggestions: {e.Message}");
            return 1;
        }
        var folds = int.Parse(parsed.Option("folds") ?? "5", CultureInfo.InvariantCulture);
        var result = SuggestionEvaluation.Run(codebook, labelled, examples, folds);

        await stdout.WriteLineAsync($"{codebook.Name}: {labelled.Count} labelled passages, {examples.Count} extra examples, {folds} folds");
        await stdout.WriteLineAsync($"{"",-22} {"top-1",7} {"top-3",7} {"mean top-1 confidence",22}");
        foreach (var (label, m) in new[] { ("engine zero-shot", result.EngineZeroShot), ("tf-idf zero-shot", result.BaselineZeroShot),
                     ("engine few-shot", result.EngineFewShot), ("tf-idf few-shot", result.BaselineFewShot) })
            await stdout.WriteLineAsync($"{label,-22} {m.Top1,7:P1} {m.Top3,7:P1} {(m.MeanConfidence is { } c ? c.ToString("P1", CultureInfo.InvariantCulture) : "-"),22}");
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"code",-26} {"engine zero-shot P/R",22} {"tf-idf zero-shot P/R",22} {"engine few-shot P/R",22} {"tf-idf few-shot P/R",22}");
        foreach (var code in result.EngineZeroShot.PerCode.Keys)
            await stdout.WriteLineAsync($"{code,-26} {PR(result.EngineZeroShot, code),22} {PR(result.BaselineZeroShot, code),22} {PR(result.EngineFewShot, code),22} {PR(result.BaselineFewShot, code),22}");
        return 0;
    }

    static string PR(SuggestionMetrics m, string code) => m.PerCode.TryGetValue(code, out var pr) ? $"{pr.Precision:P0} / {pr.Recall:P0}" : "-";
}
