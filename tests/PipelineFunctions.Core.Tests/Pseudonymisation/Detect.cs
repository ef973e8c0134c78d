using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>What a study's pseudonymiser finds in a text, as (text, kind) pairs.</summary>
static class Detect
{
    public static readonly RosterEntry[] Roster =
    [
        new("Nakato Sarah", IdentifierCategory.Person, ["Sarah N."]),
        new("Jürgen Albrecht", IdentifierCategory.Person, []),
        new("Kibuli", IdentifierCategory.Place, []),
        new("Hope Foundation", IdentifierCategory.Organisation, []),
    ];

    public static TranscriptPseudonymiser Pseudonymiser(
        IReadOnlyCollection<string>? allow = null,
        PlaceholderStyle style = PlaceholderStyle.Numbered
    ) => new(new StudyPseudonymisation(new byte[32], Roster, allow, style), new PseudonymBook());

    public static List<(string Text, string Kind)> In(string text, string? language = "en") =>
        Pseudonymiser().Detect(text, language).Select(d => (text.Substring(d.Start, d.Length), d.Kind)).ToList();
}
