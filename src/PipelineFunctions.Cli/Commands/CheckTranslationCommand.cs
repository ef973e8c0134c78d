using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>check-translation</c>: a source transcript and its translation, pseudonymised as the pipeline does (one key and one
/// pseudonym book, so both get the same pseudonyms), then the automated translation checks; flags and alignment as JSON.
/// Offline. Only counts go to the terminal.
/// </summary>
public sealed class CheckTranslationCommand : ICliCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Name => "check-translation";
    public string Usage =>
        "check-translation <source> <translation> --source-language xx --translation-language yy [--roster <csv>] [--allow <terms.txt>] [--key-env VAR] --out <flags.json>";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 2)
            throw new ArgumentException("give the source and the translation file.");
        var (sourceLanguage, translationLanguage) = (
            parsed.Required("source-language").ToLowerInvariant(),
            parsed.Required("translation-language").ToLowerInvariant()
        );
        var output = parsed.Required("out");
        if (
            PseudonymKey.FromEnvironment(parsed.Option("key-env") ?? PseudonymKey.DefaultVariable, out var problem)
            is not { } key
        )
            return await Fail(stderr, problem!);
        if (parsed.Positional.FirstOrDefault(p => !File.Exists(p)) is not null)
            return await Fail(stderr, "an input file does not exist.");

        IReadOnlyList<RosterEntry> roster = [];
        if (parsed.Option("roster") is { } rosterPath)
        {
            if (!File.Exists(rosterPath))
                return await Fail(stderr, "the roster file does not exist.");
            try
            {
                roster = RosterCsv.Parse(await File.ReadAllTextAsync(rosterPath));
            }
            catch (FormatException e)
            {
                return await Fail(stderr, $"roster: {e.Message}");
            }
        }
        var turns = new List<IReadOnlyList<SpeakerTurn>>();
        foreach (var path in parsed.Positional)
        {
            try
            {
                turns.Add(TranscriptReader.Read(Path.GetFileName(path), await File.ReadAllBytesAsync(path)).Turns);
            }
            catch (TranscriptRejectedException e)
            {
                return await Fail(stderr, $"input rejected ({e.Reason}): {e.Message}");
            }
        }

        if (parsed.Option("allow") is { } allowPath && !File.Exists(allowPath))
            return await Fail(stderr, "the allow-list file does not exist.");
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(key, roster, await StudyAllowList.ReadAsync(parsed.Option("allow"))),
            new PseudonymBook()
        );
        var (source, sourceKey, _) = pseudonymiser.Pseudonymise(turns[0], sourceLanguage);
        var (translation, translationKey, _) = pseudonymiser.Pseudonymise(turns[1], translationLanguage);
        var result = new TranslationChecker([sourceLanguage, translationLanguage]).Check(
            source,
            sourceLanguage,
            translation,
            translationLanguage,
            new PairKeys(sourceKey, translationKey)
        );
        await File.WriteAllTextAsync(
            output,
            JsonSerializer.Serialize(new { flags = result.Flags, alignment = result.Alignment }, Json),
            new UTF8Encoding(false)
        );
        await stdout.WriteLineAsync(
            $"check-translation: {source.Count} source turns, {translation.Count} translation turns, {result.Flags.Count} flags "
                + $"({string.Join(", ", result.Flags.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))})."
        );
        return 0;
    }

    static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"check-translation: {message}");
        return 1;
    }
}
