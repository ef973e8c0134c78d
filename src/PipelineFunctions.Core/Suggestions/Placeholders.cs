using System.Text.RegularExpressions;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>
/// The pseudonymiser's placeholders (<c>[PERSON-4]</c>, <c>[PERSON]</c>, <c>[name]</c>, <c>[hospital]</c>) and the
/// published convention <c>(Name)</c>. They stand for someone or somewhere, not for a word the participant said, so
/// the engines read them as neutral words and never show them as a reason for a code.
/// </summary>
public static partial class Placeholders
{
    /// <summary>For the sentence model: a person becomes "someone", anything else "somewhere", so the grammar
    /// holds.</summary>
    public static string Neutralise(string text) =>
        Pattern().Replace(text, m => IsPerson(m.Value) ? "someone" : "somewhere");

    /// <summary>For word counting and quoting: the placeholder is left out ("…" where a quote must show a
    /// gap).</summary>
    public static string Remove(string text, string gap = " ") => Pattern().Replace(text, gap);

    public static bool Contains(string text) => Pattern().IsMatch(text);

    static bool IsPerson(string placeholder)
    {
        var inner = placeholder.Trim('[', ']', '(', ')').ToUpperInvariant();
        return inner.StartsWith(IdentifierKinds.Person, StringComparison.Ordinal) || inner == "NAME";
    }

    // The same shapes TranscriptPseudonymiser keeps as placeholders, plus "(Name)" from published quotes.
    [GeneratedRegex(@"\[(?:[A-Z]{2,}(?:[-_ ]\d+)?|[a-z]+(?: [a-z]+)?)\]|\((?:Name|name|NAME)\)")]
    private static partial Regex Pattern();
}
