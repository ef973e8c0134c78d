using System.Globalization;
using System.Text.Json;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions.Induction;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>propose-codes</c>: participant passages no code of the codebook fits, grouped into candidate new codes, written as
/// <c>{"proposals": [{"label", "keywords", "passages", "quotes"}]}</c> (passages and quotes by id). Prints counts only.
/// </summary>
public sealed class ProposeCodesCommand : ICliCommand
{
    public string Name => "propose-codes";
    public string Usage => "propose-codes --passages <file.jsonl> --codebook <file> --out <file.json> [--max N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var max = int.Parse(parsed.Option("max") ?? "10", CultureInfo.InvariantCulture);
        Codebook codebook;
        List<CandidatePassage> passages;
        try
        {
            codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
            passages = Read(await File.ReadAllTextAsync(parsed.Required("passages")));
        }
        catch (Exception e) when (e is FormatException or IOException or JsonException)
        {
            await stderr.WriteLineAsync($"propose-codes: {e.Message}");
            return 1;
        }
        var proposals = new CodeProposals(SharedEmbeddings.Instance).Propose(codebook, passages, max);
        var json = new
        {
            proposals = proposals.Select(p => new
            {
                label = p.Label,
                keywords = p.Keywords,
                passages = p.Passages,
                quotes = p.Quotes,
            }),
        };
        await File.WriteAllTextAsync(
            parsed.Required("out"),
            JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true })
        );
        await stdout.WriteLineAsync(
            $"propose-codes: {passages.Count} passages, {proposals.Count} candidate codes holding {proposals.Sum(p => p.Passages.Count)} of them."
        );
        return 0;
    }

    static List<CandidatePassage> Read(string jsonl)
    {
        var list = new List<CandidatePassage>();
        var line = 0;
        foreach (var raw in jsonl.Split('\n'))
        {
            line++;
            if (raw.Trim().Length == 0)
                continue;
            using var doc = JsonDocument.Parse(raw);
            var id = doc.RootElement.TryGetProperty("id", out var i) ? i.ToString() : null;
            var text = doc.RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(text))
                throw new FormatException($"Line {line} needs an id and a text.");
            list.Add(new CandidatePassage(id, text));
        }
        return list;
    }
}
