using System.Text.RegularExpressions;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// REFI-QDA gives a code one description; ours has a definition, inclusion and exclusion notes and examples. They
/// travel as one readable text — the definition, then <c>Include: …</c>, <c>Exclude: …</c> and <c>Examples:</c>
/// with a <c>- </c> line each, paragraphs apart — and come back apart. Any other description is the definition.
/// </summary>
static partial class CodeDescription
{
    public static string Write(Code code)
    {
        var parts = new List<string>();
        if (code.Definition.Length > 0)
            parts.Add(code.Definition);
        if (code.Inclusion is { Length: > 0 } inclusion)
            parts.Add($"Include: {inclusion}");
        if (code.Exclusion is { Length: > 0 } exclusion)
            parts.Add($"Exclude: {exclusion}");
        if (code.Examples is { Count: > 0 } examples)
            parts.Add("Examples:\n" + string.Join('\n', examples.Select(e => $"- {e}")));
        return string.Join("\n\n", parts);
    }

    public static Code Read(string id, string name, string? parent, string description)
    {
        var match = Parts().Match(description.Replace("\r\n", "\n").Trim());
        string? Group(string group) => match.Groups[group].Success ? match.Groups[group].Value.Trim() : null;
        var examples = Group("examples")
            ?.Split('\n')
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        return new Code(
            id,
            name,
            parent,
            Group("definition") ?? "",
            Group("inclusion"),
            Group("exclusion"),
            examples is { Count: > 0 } ? examples : null
        );
    }

    [GeneratedRegex(
        @"^(?<definition>.*?)(?:(?:^|\n\n)Include: (?<inclusion>.*?))?(?:(?:^|\n\n)Exclude: (?<exclusion>.*?))?(?:(?:^|\n\n)Examples:\n(?<examples>- .*))?$",
        RegexOptions.Singleline
    )]
    private static partial Regex Parts();
}
