using System.Globalization;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Evaluation;

namespace PipelineFunctions.Cli.Commands;

/// <summary><c>evaluate-pseudonymisation</c>: recall per category and over-redaction on the labelled synthetic corpus.</summary>
public sealed class EvaluatePseudonymisationCommand : ICliCommand
{
    public string Name => "evaluate-pseudonymisation";
    public string Usage =>
        "evaluate-pseudonymisation [--texts N] [--seed N] [--ordinary <file.jsonl>] [--details dev|held-out|fresh|synthetic]\n"
        + "evaluate-pseudonymisation --cases <cases.jsonl> [--kind K] [--details cases]: a written case set per kind (leaked, lost, unsure)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Option("cases") is { } cases)
        {
            await CaseSetReport.WriteAsync(
                stdout,
                await File.ReadAllTextAsync(cases),
                parsed.Option("kind"),
                parsed.Option("details") == "cases"
            );
            return 0;
        }
        var count = int.Parse(parsed.Option("texts") ?? "2000", CultureInfo.InvariantCulture);
        var seed = int.Parse(parsed.Option("seed") ?? "7", CultureInfo.InvariantCulture);
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], SyntheticCorpus.Roster),
            new PseudonymBook()
        );
        var score = PseudonymisationScore.Measure(
            SyntheticCorpus.Generate(count, seed),
            t => pseudonymiser.Detect(t, "en")
        );
        await stdout.WriteLineAsync($"{count} synthetic texts (seed {seed})");
        foreach (var (category, (caught, total)) in score.ByCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
            await stdout.WriteLineAsync(
                category == "not-an-id"
                    ? $"  {category, -10} replaced {caught, 5} / {total, 5}  (invalid checksums: should stay)"
                    : $"  {category, -10} recall   {caught, 5} / {total, 5} = {score.Recall(category):P1}"
            );
        await stdout.WriteLineAsync($"  overall    recall {score.OverallRecall:P2}");
        var corpus = SyntheticCorpus.Generate(count, seed);
        var transcript = pseudonymiser.Pseudonymise(
            corpus.Select((t, i) => new PipelineFunctions.Core.Transcripts.SpeakerTurn(i + 1, "P1", t.Text)).ToList(),
            "en"
        );
        var corpusWords = corpus.Sum(t => Tokens.Of(t.Text).Count);
        await stdout.WriteLineAsync(
            $"  unsure spans left in clear: {transcript.UnsureSpans.Count} = {100.0 * transcript.UnsureSpans.Count / Math.Max(1, corpusWords):F2} per 100 words"
        );
        // The synthetic corpus is invented, so its misses may be named on request.
        if (parsed.Option("details") == "synthetic")
            foreach (var (item, i) in corpus.Select((t, i) => (t, i)))
            {
                var found = pseudonymiser.Detect(item.Text, "en");
                foreach (
                    var span in item.Spans.Where(s =>
                        s.Category != "not-an-id"
                        && !Enumerable
                            .Range(s.Start, s.Length)
                            .All(c => char.IsWhiteSpace(item.Text[c]) || found.Any(d => d.Start <= c && c < d.End))
                    )
                )
                    await stdout.WriteLineAsync(
                        $"  missed {span.Category}: {item.Text.Substring(span.Start, span.Length)} in: {item.Text}"
                    );
                foreach (var u in transcript.UnsureSpans.Where(u => u.TurnIndex == i))
                    await stdout.WriteLineAsync($"  unsure {u.Reason}: {u.Text}");
            }
        await stdout.WriteLineAsync(
            $"  ordinary words replaced: {score.OrdinaryReplaced} / {score.OrdinaryWords} = {score.OverRedaction:P2}"
        );

        // Real participant text with no identifiers left in it (published quotes): every replacement is over-redaction.
        if (parsed.Option("ordinary") is { } file)
        {
            var texts = (await File.ReadAllLinesAsync(file))
                .Where(l => l.Trim().Length > 0)
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
                .ToList();
            var words = texts.Sum(t => Tokens.Of(t).Count);
            var replaced = texts.Sum(t =>
            {
                var d = pseudonymiser.Detect(t, "en");
                return Tokens.Of(t).Count(w => d.Any(x => w.Start < x.End && x.Start < w.End));
            });
            await stdout.WriteLineAsync(
                $"  real text without identifiers ({texts.Count} passages): {replaced} / {words} words replaced = {(double)replaced / Math.Max(1, words):P2}"
            );
        }
        await HardCaseReport.WriteAsync(
            stdout,
            parsed.Option("details") is "synthetic" ? null : parsed.Option("details")
        );
        return 0;
    }
}
