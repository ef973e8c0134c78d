using System.Globalization;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Evaluation;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>evaluate-suggestions</c>: the semantic engine, the lexical one it replaced and a tf-idf baseline side by side,
/// zero-shot and few-shot: top-1, top-3, micro-F1 and the engine's Cohen's κ against the labels (mean over codes), then
/// the semantic engine's figures per code; then the learning curve (unless <c>--curve no</c>). With <c>--examples</c>
/// the few-shot engines learn from those coded passages only and are measured on <c>--labelled</c> (a held-out set);
/// without, by k folds. <c>--quotes</c> adds real quotes of this codebook (their <c>codebook</c> field is the codebook
/// file's name), coded from the examples and the labelled set together: every coded passage the study has.
/// <c>--models</c> and <c>--tuning</c> (e.g. <c>NeighbourWeight=0.5,PhraseWeight=0</c>) try another design.
/// </summary>
public sealed class EvaluateSuggestionsCommand : ICliCommand
{
    static readonly int[] CurveSizes = [0, 7, 14, 28, 42, 56, 84];

    public string Name => "evaluate-suggestions";
    public string Usage =>
        "evaluate-suggestions --codebook <file> --labelled <file.jsonl> [--examples <file.jsonl>] [--folds N] [--quotes <file.jsonl>] [--models minilm|arctic|both] [--tuning Name=value,...] [--curve no]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        Codebook codebook;
        IReadOnlyList<LabelledExample> labelled,
            examples,
            quotes;
        var codebookFile = parsed.Required("codebook");
        try
        {
            codebook = CodebookJson.Parse(await File.ReadAllTextAsync(codebookFile));
            labelled = LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(parsed.Required("labelled")));
            examples = parsed.Option("examples") is { } file
                ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file))
                : [];
            quotes = parsed.Option("quotes") is { } q
                ? LabelledExample.ReadJsonLines(
                    await File.ReadAllTextAsync(q),
                    Path.GetFileNameWithoutExtension(codebookFile)
                )
                : [];
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            await stderr.WriteLineAsync($"evaluate-suggestions: {e.Message}");
            return 1;
        }
        var folds = int.Parse(parsed.Option("folds") ?? "5", CultureInfo.InvariantCulture);
        var models = parsed.Option("models") ?? SharedEmbeddings.DefaultModels;
        ArcticModels.Register();
        var embedder = SharedEmbeddings.For(models);
        var tuning = Tuning(parsed.Option("tuning"));

        var rows =
            examples.Count > 0
                ? EngineComparison.Run(codebook, examples, labelled, embedder, tuning: tuning)
                : EngineComparison.CrossValidate(codebook, labelled, folds, embedder, tuning: tuning);
        await stdout.WriteLineAsync(
            examples.Count > 0
                ? $"{codebook.Name} (models {models}): {Passages(labelled)} held-out passages ({labelled.Count} codings); few-shot learns from {examples.Count} codings"
                : $"{codebook.Name} (models {models}): {Passages(labelled)} labelled passages, few-shot by {folds} folds"
        );
        await Table(stdout, codebook, rows);

        if (quotes.Count > 0)
        {
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync(
                $"real quotes: {Passages(quotes)}; few-shot learns from all {examples.Count + labelled.Count} codings"
            );
            await Table(
                stdout,
                codebook,
                EngineComparison.Run(codebook, [.. examples, .. labelled], quotes, embedder, tuning: tuning)
            );
        }
        if (parsed.Option("curve") == "no")
            return 0;

        var train = examples.Count > 0 ? examples : labelled.Where((_, i) => i % folds != 0).ToList();
        var test = examples.Count > 0 ? labelled : labelled.Where((_, i) => i % folds == 0).ToList();
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(
            $"learning curve on the {Passages(test)} {(examples.Count > 0 ? "held-out" : "first-fold")} passages{(quotes.Count > 0 ? $" (and the {Passages(quotes)} real quotes)" : "")}:"
        );
        await stdout.WriteLineAsync(
            $"{"coded", 6} {"semantic top-1", 15} {"top-3", 6} {"lexical top-1", 14} {"top-3", 6}{(quotes.Count > 0 ? $" {"quotes top-1", 13} {"top-3", 6}" : "")}"
        );
        var curve = EngineComparison.LearningCurve(codebook, train, test, embedder, CurveSizes, tuning: tuning);
        var quoteCurve =
            quotes.Count > 0
                ? EngineComparison.LearningCurve(codebook, train, quotes, embedder, CurveSizes, tuning: tuning)
                : [];
        for (var i = 0; i < curve.Count; i++)
        {
            var p = curve[i];
            var q =
                quoteCurve.Count > i
                    ? $" {quoteCurve[i].Semantic.Top1, 13:P0} {quoteCurve[i].Semantic.Top3, 6:P0}"
                    : "";
            await stdout.WriteLineAsync(
                $"{p.Coded, 6} {p.Semantic.Top1, 15:P0} {p.Semantic.Top3, 6:P0} {p.Lexical.Top1, 14:P0} {p.Lexical.Top3, 6:P0}{q}"
            );
        }
        return 0;
    }

    /// <summary>The default tuning with the named numbers changed.</summary>
    static SemanticTuning Tuning(string? text)
    {
        var tuning = SemanticTuning.Default;
        foreach (
            var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        )
        {
            var parts = pair.Split('=', 2);
            var property =
                typeof(SemanticTuning).GetProperty(parts[0])
                ?? throw new ArgumentException($"--tuning: no number called {parts[0]}.");
            var copy = tuning with { };
            property.SetValue(
                copy,
                parts.Length == 2
                    ? double.Parse(parts[1], CultureInfo.InvariantCulture)
                    : throw new ArgumentException($"--tuning: {pair} needs a value.")
            );
            tuning = copy;
        }
        return tuning;
    }

    static async Task Table(TextWriter stdout, Codebook codebook, IReadOnlyList<EngineComparison.Row> rows)
    {
        await stdout.WriteLineAsync(
            $"{"", -18} {"zero-shot top-1", 15} {"top-3", 6} {"micro-F1", 8} {"κ", 5} {"conf", 5}   {"few-shot top-1", 14} {"top-3", 6} {"micro-F1", 8} {"κ", 5} {"conf", 5}"
        );
        foreach (var r in rows)
            await stdout.WriteLineAsync(
                $"{r.Engine, -18} {r.ZeroShot.Top1, 15:P0} {r.ZeroShot.Top3, 6:P0} {r.ZeroShot.MicroF1, 8:F2} {r.ZeroShot.Kappa, 5:F2} {Conf(r.ZeroShot), 5}   {r.FewShot.Top1, 14:P0} {r.FewShot.Top3, 6:P0} {r.FewShot.MicroF1, 8:F2} {r.FewShot.Kappa, 5:F2} {Conf(r.FewShot), 5}"
            );
        var semantic = rows.Single(r => r.Engine == "semantic");
        await stdout.WriteLineAsync(
            $"  semantic per code {"n", 3} {"zero top-1", 10} {"top-3", 6} {"F1", 5} {"κ", 5}   {"few top-1", 9} {"top-3", 6} {"F1", 5} {"κ", 5}"
        );
        foreach (
            var code in codebook.Codes.Where(c =>
                semantic.ZeroShot.PerCode!.Any(m => m.CodeId == c.Id)
                || semantic.FewShot.PerCode!.Any(m => m.CodeId == c.Id)
            )
        )
        {
            var (z, f) = (Of(semantic.ZeroShot, code.Id), Of(semantic.FewShot, code.Id));
            await stdout.WriteLineAsync(
                $"  {Short(code.Name), -24} {z.Labelled, 3} {z.Top1, 10:P0} {z.Top3, 6:P0} {z.F1, 5:F2} {z.Kappa, 5:F2}   {f.Top1, 9:P0} {f.Top3, 6:P0} {f.F1, 5:F2} {f.Kappa, 5:F2}"
            );
        }
    }

    static CodeMetrics Of(RankingMetrics m, string code) =>
        m.PerCode!.FirstOrDefault(c => c.CodeId == code) ?? new CodeMetrics(code, 0, 0, 0, 0, 0);

    static string Short(string name) => name.Length > 24 ? name[..23] + "…" : name;

    /// <summary>A passage with several codes is one line per code.</summary>
    static int Passages(IReadOnlyList<LabelledExample> set) => set.Select(e => e.Text).Distinct().Count();

    static string Conf(RankingMetrics m) =>
        m.MeanConfidence is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
