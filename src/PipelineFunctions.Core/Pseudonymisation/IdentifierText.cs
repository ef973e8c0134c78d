using System.Globalization;
using System.Text;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>How identifiers are compared: case, diacritics, possessives and spacing do not matter.</summary>
public static class IdentifierText
{
    /// <summary>"Jürgen's" and "JURGEN" both become "jurgen".</summary>
    public static string Normalise(string s)
    {
        var trimmed = StripPossessive(s.Trim());
        var decomposed = trimmed.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c) || c is '-' or '.')
            {
                space = b.Length > 0;
                continue;
            }
            if (space)
            {
                b.Append(' ');
                space = false;
            }
            b.Append(c);
        }
        return b.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary><see cref="Normalise"/> for one word, without its cost for a word of plain ASCII letters (most words).</summary>
    public static string Key(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiLetter(c))
                return Normalise(word);
        return word.ToLowerInvariant();
    }

    public static string StripPossessive(string s)
    {
        foreach (var suffix in new[] { "'s", "’s", "'", "’" })
            if (s.Length > suffix.Length + 1 && s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return s[..^suffix.Length];
        return s;
    }
}
