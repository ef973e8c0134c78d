using System.Globalization;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// The numbers a text states, in digits or in words (English, German, Kiswahili): "three", "twenty-two",
/// "zweiundzwanzig", "kumi na mbili", "mia tatu". A one is never counted: "one", "ein" and "moja" are too often no number.
/// </summary>
public static partial class NumberWords
{
    /// <summary>The numbers in digits only, as the text writes them ("1,000" → 1000).</summary>
    public static List<double> Digits(string text) =>
        Number()
            .Matches(text)
            .Select(m => double.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture))
            .Where(v => v != 1)
            .ToList();

    /// <summary>The numbers in digits and in words.</summary>
    public static List<double> All(string text, string language)
    {
        var values = Digits(text);
        var words = CueWords.Numbers(language);
        if (words.Count == 0)
            return values;
        var tokens = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Value(tokens[i], words, language) is not { } v)
                continue;
            // "kumi na mbili" (10 and 2), "three hundred", "mia tatu" (100 × 3): one number, not two.
            if (
                i + 2 < tokens.Count
                && tokens[i + 1] == "na"
                && v >= 10
                && Value(tokens[i + 2], words, language) is { } unit
                && unit < v
            )
            {
                v += unit;
                i += 2;
            }
            else if (
                i + 1 < tokens.Count
                && Value(tokens[i + 1], words, language) is { } next
                && (next is 100 or 1000) != (v is 100 or 1000)
            )
            {
                v *= next;
                i++;
            }
            if (v != 1)
                values.Add(v);
        }
        return values;
    }

    static double? Value(string token, IReadOnlyDictionary<string, double> words, string language)
    {
        if (words.TryGetValue(token, out var v))
            return v;
        // "twenty-two"; German "zweiundzwanzig".
        var parts = language == "de" && token.Contains("und") ? token.Split("und") : token.Split('-');
        if (parts.Length == 2 && words.TryGetValue(parts[0], out var a) && words.TryGetValue(parts[1], out var b))
            return a + b;
        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?![\p{L}\d])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)?")]
    private static partial Regex Word();
}
