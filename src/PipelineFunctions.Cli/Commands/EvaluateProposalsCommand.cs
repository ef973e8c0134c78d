using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Induction;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>evaluate-proposals</c>: leave-one-code-out on a labelled set — each code removed in turn, the recall and purity
/// of the candidate that best holds its passages, and their means (what <c>propose-codes</c> would find of a missing code).
/// </summary>
public sealed class EvaluateProposalsCommand : ICliCommand
{
    public string Name => "evaluate-proposals";
    public string Usage =>
        "evaluate-proposals --codebook <file> --labelled <file.jsonl> [--fits X] [--merge X] [--min N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
        var labelled = LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(parsed.Required("labelled")));
        double Number(string name, double fallback) =>
            parsed.Option(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var d = InductionTuning.Default;
        var tuning = new InductionTuning(
            Number("fits", d.FitsAbove),
            Number("merge", d.MergeAbove),
            (int)Number("min", d.MinPassages)
        );
        var rows = LeaveOneCodeOut.Run(codebook, labelled, new CodeProposals(SharedEmbeddings.Instance, tuning));
        await stdout.WriteLineAsync(
            $"{codebook.Name}: leave-one-code-out over {labelled.Select(l => l.Text).Distinct().Count()} passages ({tuning})"
        );
        await stdout.WriteLineAsync($"{"code removed", -26} {"n", 3} {"recall", 7} {"purity", 7} {"its size", 8}");
        foreach (var r in rows)
            await stdout.WriteLineAsync(
                $"{r.CodeId, -26} {r.Passages, 3} {r.Recall, 7:F2} {r.Purity, 7:F2} {r.Size, 8}"
            );
        await stdout.WriteLineAsync(
            $"{"mean", -26} {"", 3} {rows.Average(r => r.Recall), 7:F2} {rows.Average(r => r.Purity), 7:F2}"
        );
        return 0;
    }
}
