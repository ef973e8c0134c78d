using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Evaluation;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>evaluate-suggestions</c>: the semantic engine, the lexical one it replaced and a tf-idf baseline side by side,
/// zero-shot and few-shot, top-1/top-3/micro-F1; then the learning curve. With <c>--examples</c> the few-shot engines
/// learn from those coded passages only and are measured on <c>--labelled</c> (a held-out set); without, by k folds.
/// <c>--quotes</c> adds real quotes of this codebook (their <c>codebook</c> field is the codebook file's name), coded
/// from the examples and the labelled set together: every coded passage the study has.
/// </summary>
public sealed class EvaluateSuggestionsCommand : ICliCommand
{
    static readonly int[] CurveSizes = [0, 7, 14, 28, 42, 56, 84];

    public string Name => "evaluate-suggestions";
    public string Usage => "evaluate-suggestions --codebook <file> --labelled <file.jsonl> [--examples <file.jsonl>] [--folds N] [--quotes <file.jsonl>]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        Codebook codebook;
        IReadOnlyList<LabelledExample> labelled, examples, quotes;
        var codebookFile = parsed.Required("codebook");
        try
        {
            codebook = CodebookJson.Parse(await File.ReadAllTextAsync(codebookFile));
            labelled = LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(parsed.Required("labelled")));
            examples = parsed.Option("examples") is { } file ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file)) : [];
            quotes = parsed.Option("quotes") is { } q ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(q), Path.GetFileNameWithoutExtension(codebookFile)) : [];
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            await stderr.WriteLineAsync($"evaluate-suggestions: {e.Message}");
            return 1;
        }
        var folds = int.Parse(parsed.Option("folds") ?? "5", CultureInfo.InvariantCulture);
        var embedder = SharedEmbeddings.Instance;

        var rows = examples.Count > 0
            ? EngineComparison.Run(codebook, examples, labelled, embedder)
            : CrossValidated(codebook, labelled, folds, embedder);
        await stdout.WriteLineAsync(examples.Count > 0
            ? $"{codebook.Name}: {Passages(labelled)} held-out passages ({labelled.Count} codings); few-shot learns from {examples.Count} codings"
            : $"{codebook.Name}: {Passages(labelled)} labelled passages, few-shot by {folds} folds");
        await Table(stdout, rows);

        if (quotes.Count > 0)
        {
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync($"real quotes: {Passages(quotes)}; few-shot learns from all {examples.Count + labelled.Count} codings");
            await Table(stdout, EngineComparison.Run(codebook, [.. examples, .. labelled], quotes, embedder));
        }

        var train = examples.Count > 0 ? examples : labelled.Where((_, i) => i % folds != 0).ToList();
        var test = examples.Count > 0 ? labelled : labelled.Where((_, i) => i % folds == 0).ToList();
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"learning curve on the {Passages(test)} {(examples.Count > 0 ? "held-out" : "first-fold")} passages{(quotes.Count > 0 ? $" (and the {Passages(quotes)} real quotes)" : "")}:");
        await stdout.WriteLineAsync($"{"coded",6} {"semantic top-1",15} {"top-3",6} {"lexical top-1",14} {"top-3",6}{(quotes.Count > 0 ? $" {"quotes top-1",13} {"top-3",6}" : "")}");
        var curve = EngineComparison.LearningCurve(codebook, train, test, embedder, CurveSizes);
        var quoteCurve = quotes.Count > 0 ? EngineComparison.LearningCurve(codebook, train, quotes, embedder, CurveSizes) : [];
        for (var i = 0; i < curve.Count; i++)
        {
            var p = curve[i];
            var q = quoteCurve.Count > i ? $" {quoteCurve[i].Semantic.Top1,13:P0} {quoteCurve[i].Semantic.Top3,6:P0}" : "";
            await stdout.WriteLineAsync($"{p.Coded,6} {p.Semantic.Top1,15:P0} {p.Semantic.Top3,6:P0} {p.Lexical.Top1,14:P0} {p.Lexical.Top3,6:P0}{q}");
        }
        return 0;
    }

    static IReadOnlyList<EngineComparison.Row> CrossValidated(Codebook codebook, IReadOnlyList<LabelledExample> labelled, int folds, EmbeddingCache embedder)
    {
        var perFold = Enumerable.Range(0, folds).Select(f => EngineComparison.Run(codebook,
            labelled.Where((_, i) => i % folds != f).ToList(), labelled.Where((_, i) => i % folds == f).ToList(), embedder)).ToList();
        return perFold[0].Select((row, r) => new EngineComparison.Row(row.Engine,
            RankingMetrics.Pooled(perFold.Select(f => f[r].ZeroShot).ToList()), RankingMetrics.Pooled(perFold.Select(f => f[r].FewShot).ToList()))).ToList();
    }

    static async Task Table(TextWriter stdout, IReadOnlyList<EngineComparison.Row> rows)
    {
        await stdout.WriteLineAsync($"{"",-18} {"zero-shot top-1",15} {"top-3",6} {"micro-F1",8} {"conf",5}   {"few-shot top-1",14} {"top-3",6} {"micro-F1",8} {"conf",5}");
        foreach (var r in rows)
            await stdout.WriteLineAsync($"{r.Engine,-18} {r.ZeroShot.Top1,15:P0} {r.ZeroShot.Top3,6:P0} {r.ZeroShot.MicroF1,8:F2} {Conf(r.ZeroShot),5}   {r.FewShot.Top1,14:P0} {r.FewShot.Top3,6:P0} {r.FewShot.MicroF1,8:F2} {Conf(r.FewShot),5}");
    }

    /// <summary>A passage with several codes is one line per code.</summary>
    static int Passages(IReadOnlyList<LabelledExample> set) => set.Select(e => e.Text).Distinct().Count();

    static string Conf(RankingMetrics m) => m.MeanConfidence is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
