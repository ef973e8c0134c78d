using System.Text;
using System.Text.Json;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>pseudonymise</c>: a transcript file to UTF-8 text, one turn per line as <c>Speaker: text</c>, identifiers replaced.
/// The key comes from an environment variable (base64 or hex); there is no default key. With <c>--review</c> it writes
/// the spans left in clear that a person should check: <c>{"unsure": [{"turn", "start", "end", "text", "reason"}]}</c>,
/// <c>turn</c> the 0-based position of the input turn, <c>start</c>/<c>end</c> offsets into that turn's text (or its
/// speaker label, then marked <c>"inSpeaker": true</c>); one entry per distinct text, its other places in <c>also</c>.
/// </summary>
public sealed class PseudonymiseCommand : ICliCommand
{
    public string Name => "pseudonymise";
    public string Usage =>
        "pseudonymise <input> --roster <roster.csv> --out <file> [--key-env VAR] [--replacements <file.json>] [--language xx] [--style numbered|typed|quote] [--allow <terms.txt>] [--review <file.json>]\n"
        + "    --review writes {\"unsure\": [{\"turn\": n, \"start\": s, \"end\": e, \"text\": \"...\", \"reason\": \"...\"}]}: spans left in clear for a\n"
        + "    person to check, one per distinct text (its other places in \"also\"); turn is the input turn's 0-based index,\n"
        + "    start/end are offsets into that turn's text.\n"
        + "    The key is read from the environment variable PSEUDONYM_KEY (or --key-env VAR), base64 or hex, at least 16 bytes.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("give one transcript file.");
        var input = parsed.Positional[0];
        var rosterPath = parsed.Required("roster");
        var output = parsed.Required("out");
        var keyVariable = parsed.Option("key-env") ?? PseudonymKey.DefaultVariable;
        var style = Enum.Parse<PlaceholderStyle>(parsed.Option("style") ?? "numbered", ignoreCase: true);

        if (PseudonymKey.FromEnvironment(keyVariable, out var problem) is not { } key)
            return await Fail(stderr, problem!);
        if (!File.Exists(input))
            return await Fail(stderr, "the input file does not exist.");
        if (!File.Exists(rosterPath))
            return await Fail(stderr, "the roster file does not exist.");

        IReadOnlyList<RosterEntry> roster;
        try
        {
            roster = RosterCsv.Parse(await File.ReadAllTextAsync(rosterPath));
        }
        catch (FormatException e)
        {
            return await Fail(stderr, $"roster: {e.Message}");
        }
        ParsedTranscript transcript;
        try
        {
            transcript = TranscriptReader.Read(Path.GetFileName(input), await File.ReadAllBytesAsync(input));
        }
        catch (TranscriptRejectedException e)
        {
            return await Fail(stderr, $"input rejected ({e.Reason}): {e.Message}");
        }

        if (parsed.Option("allow") is { } allowPath && !File.Exists(allowPath))
            return await Fail(stderr, "the allow-list file does not exist.");
        var allow = await StudyAllowList.ReadAsync(parsed.Option("allow"));
        var result = new TranscriptPseudonymiser(
            new StudyPseudonymisation(key, roster, allow, style),
            new PseudonymBook()
        ).Pseudonymise(transcript.Turns, parsed.Option("language"));
        await File.WriteAllTextAsync(
            output,
            new ParsedTranscript(transcript.Format, result.Turns).ToText(),
            new UTF8Encoding(false)
        );
        if (parsed.Option("replacements") is { } replacements)
            await File.WriteAllTextAsync(
                replacements,
                JsonSerializer.Serialize(
                    result.Replacements,
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }
                )
            );
        if (parsed.Option("review") is { } review)
            await File.WriteAllTextAsync(review, ReviewFile.Json(result.UnsureSpans), new UTF8Encoding(false));
        // Counts only: the terminal is a log too.
        await stdout.WriteLineAsync(
            $"pseudonymise: {result.Turns.Count} turns, {result.Replacements.Count} replacements, {result.UnsureSpans.Count} unsure."
        );
        return 0;
    }

    static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"pseudonymise: {message}");
        return 1;
    }
}
