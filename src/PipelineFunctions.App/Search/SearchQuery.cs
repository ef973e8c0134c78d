using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PipelineFunctions.App.Search;

/// <summary>
/// Words and "quoted phrases", every one required; a word ending in <c>*</c> matches as a prefix. Matching ignores case,
/// accents and punctuation, so "kollegen" finds "Kollegen", "tumaini" finds "Tumaíni" and "kibonge's" finds "Kibonge’s".
/// </summary>
public sealed partial class SearchQuery
{
    readonly List<string> _words = [];
    readonly List<string> _prefixes = [];
    readonly List<string> _phrases = [];

    public SearchQuery(string text)
    {
        foreach (Match m in Term().Matches(text))
        {
            if (m.Groups["phrase"].Success)
            {
                if (Words(Fold(m.Groups["phrase"].Value)) is { Length: > 0 } p)
                    _phrases.Add(p);
            }
            // "kibonge's" or "self-help" is more than one word of the text: it matches as the phrase they make.
            else if (Words(Fold(m.Value)) is var words && words.Contains(' '))
                _phrases.Add(words);
            else if (m.Value.EndsWith('*'))
            {
                if (words.Length > 1)
                    _prefixes.Add(words);
            }
            else if (words.Length > 0)
                _words.Add(words);
        }
    }

    public bool IsEmpty => _words.Count + _prefixes.Count + _phrases.Count == 0;

    /// <summary>A text as queries match it: lower case without accents, words only, one space apart. Made once per passage.</summary>
    public static string Searchable(string text) => Words(Fold(text));

    /// <summary>How well a passage (its <see cref="Searchable"/> form) matches: hits of every term, phrases weigh double; 0 when a term is missing.</summary>
    public int Score(string searchable)
    {
        var tokens = searchable.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var score = 0;
        foreach (var w in _words)
        {
            var n = tokens.Count(t => t == w);
            if (n == 0)
                return 0;
            score += n;
        }
        foreach (var p in _prefixes)
        {
            var n = tokens.Count(t => t.StartsWith(p, StringComparison.Ordinal));
            if (n == 0)
                return 0;
            score += n;
        }
        foreach (var p in _phrases)
        {
            var n = Occurrences($" {searchable} ", $" {p} ");
            if (n == 0)
                return 0;
            score += 2 * n;
        }
        return score;
    }

    static int Occurrences(string haystack, string needle)
    {
        var n = 0;
        for (
            var at = haystack.IndexOf(needle, StringComparison.Ordinal);
            at >= 0;
            at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal)
        )
            n++;
        return n;
    }

    /// <summary>Lower case without accents.</summary>
    static string Fold(string s)
    {
        if (System.Text.Ascii.IsValid(s))
            return s.ToLowerInvariant(); // most passages: no accents to take off
        var decomposed = s.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                kept.Append(c);
        return kept.ToString();
    }

    /// <summary>Words only, one space apart: punctuation never stops a phrase matching.</summary>
    static string Words(string folded) => string.Join(' ', WordChars().Matches(folded).Select(m => m.Value));

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"|[\\p{L}\\p{N}'’-]+\\*?")]
    private static partial Regex Term();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordChars();
}
