using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// Whether a sentence says enough of its own to be a reason: at least <see cref="MinWords"/> content words once
/// placeholders, years and other numbers, names and places (capitalised words inside a sentence) and function words are
/// set aside. "I was a patient at [hospital] for many months in 2019." keeps "patient", "many", "months": a sentence
/// that is mostly where and when.
/// </summary>
public static partial class Substance
{
    public const int MinWords = 3;

    public static bool Enough(string sentence)
    {
        var words = Word().Matches(Placeholders.Remove(sentence)).Select(m => m.Value).ToList();
        var content = words
            .Where(
                (w, i) => !PassageAnalyzer.IsFunctionWord(w) && !(i > 0 && char.IsUpper(w[0]) && w != "I") && !Filler(w)
            )
            .ToList();
        return content.Count >= MinWords;
    }

    /// <summary>Words that carry time or amount, not meaning.</summary>
    static bool Filler(string w) => w.Length < 3 || Time.Contains(w.ToLowerInvariant());

    static readonly HashSet<string> Time =
    [
        "many",
        "months",
        "month",
        "years",
        "year",
        "weeks",
        "week",
        "days",
        "day",
        "time",
        "times",
        "ago",
        "last",
        "first",
    ];

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex Word();
}
