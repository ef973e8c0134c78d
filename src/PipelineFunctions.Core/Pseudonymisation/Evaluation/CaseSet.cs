using System.Text;
using System.Text.Json;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>
/// One case of a written case set (tests/Dev/pseudonymisation/cases.jsonl): a transcript of <c>Speaker: text</c> turns,
/// its roster, the strings that must go and the ones that must stay.
/// </summary>
public sealed record SetCase(
    string Id,
    string Kind,
    string Language,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyList<string> Turns,
    IReadOnlyList<string> Go,
    IReadOnlyList<string> Stay
)
{
    /// <summary>The turns as the <c>pseudonymise</c> command reads them from a text file.</summary>
    public ParsedTranscript Transcript() =>
        TranscriptReader.Read("case.txt", Encoding.UTF8.GetBytes(string.Join('\n', Turns) + "\n"));
}

/// <summary>Reads a case set, one JSON object a line.</summary>
public static class CaseSet
{
    public static IReadOnlyList<SetCase> Parse(string jsonl) =>
        [
            .. jsonl
                .Split('\n')
                .Where(l => l.Trim().Length > 0)
                .Select(l =>
                {
                    var root = JsonDocument.Parse(l).RootElement;
                    return new SetCase(
                        root.GetProperty("id").GetString() ?? "",
                        root.GetProperty("kind").GetString() ?? "",
                        root.GetProperty("language").GetString() ?? "en",
                        [.. root.GetProperty("roster").EnumerateArray().Select(Entry)],
                        Strings(root.GetProperty("turns")),
                        Strings(root.GetProperty("go")),
                        Strings(root.GetProperty("stay"))
                    );
                }),
        ];

    static RosterEntry Entry(JsonElement e) =>
        new(
            e.GetProperty("identifier").GetString() ?? "",
            Enum.Parse<IdentifierCategory>(e.GetProperty("category").GetString() ?? "person", true),
            e.TryGetProperty("aliases", out var a) && a.GetString() is { } aliases
                ? aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : []
        );

    static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];
}
