namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>A word of the text with its place, and whether it starts a sentence (where capitals prove nothing).</summary>
public readonly record struct Token(int Start, int Length, string Text, bool SentenceStart)
{
    public int End => Start + Length;
    public bool IsCapitalised => Text.Length > 0 && char.IsUpper(Text[0]);
}

public static class Tokens
{
    /// <summary>Words (letters, digits, apostrophes and inner hyphens); a possessive stays on its word.</summary>
    public static List<Token> Of(string text)
    {
        var tokens = new List<Token>();
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (
                    i < text.Length
                    && (
                        char.IsLetterOrDigit(text[i])
                        || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark
                        || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    )
                )
                    i++;
                tokens.Add(new Token(start, i - start, text[start..i], sentenceStart));
                sentenceStart = false;
                continue;
            }
            if (c is '.' or '?' or '!' or '\n' or ':' or '"' or '“')
                sentenceStart = true;
            i++;
        }
        return tokens;
    }
}
