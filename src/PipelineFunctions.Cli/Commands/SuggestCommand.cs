using System.Globalization;
using System.Text.Json;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary><c>suggest</c>: candidate codes for every coding unit of a transcript, offline, with their evidence.</summary>
public sealed class SuggestCommand : ICliCommand
{
    public string Name => "suggest";
    public string Usage =>
        "suggest <transcript> --codebook <file> [--examples <file.jsonl>] --out <file.json> [--top N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("give one transcript file.");
        var output = parsed.Required("out");
        var top = int.Parse(parsed.Option("top") ?? "3", CultureInfo.InvariantCulture);
        Codebook codebook;
        IReadOnlyList<LabelledExample> examples;
        ParsedTranscript transcript;
        try
        {
            codebook = CodebookJson.Parse(await File.ReadAllTextAsync(parsed.Required("codebook")));
            examples = parsed.Option("examples") is { } file
                ? LabelledExample.ReadJsonLines(await File.ReadAllTextAsync(file))
                : [];
            transcript = TranscriptReader.Read(
                Path.GetFileName(parsed.Positional[0]),
                await File.ReadAllBytesAsync(parsed.Positional[0])
            );
        }
        catch (Exception e) when (e is FormatException or IOException or TranscriptRejectedException)
        {
            await stderr.WriteLineAsync($"suggest: {e.Message}");
            return 1;
        }
        var options = SuggestionOptions.Default with { Top = top };
        var engine = SuggestionEngines.Create(codebook, examples, options);
        var suggestions = engine.Suggest(CodingUnits.FromTurns(transcript.Turns, options));
        var json = suggestions.Select(u => new
        {
            segment = u.Unit.Segment,
            speaker = u.Unit.Speaker,
            text = u.Unit.Text,
            abstained = u.Abstained,
            suggestions = u.Suggestions.Select(s => new
            {
                code = s.CodeId,
                name = s.CodeName,
                confidence = s.Confidence,
                evidence = s.Evidence,
                engine = s.Engine,
            }),
        });
        await File.WriteAllTextAsync(
            output,
            JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true })
        );
        await stdout.WriteLineAsync(
            $"suggest: {suggestions.Count} coding units, {suggestions.Sum(u => u.Suggestions.Count)} suggestions, {suggestions.Count(u => u.Abstained is not null)} abstained (engine {engine.Name}, codebook {codebook.Version()})."
        );
        return 0;
    }
}
