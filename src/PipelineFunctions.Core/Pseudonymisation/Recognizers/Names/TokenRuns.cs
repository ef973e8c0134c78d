namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

static class TokenRuns
{
    /// <summary>
    /// The longest run of up to <paramref name="maxWords"/> words from <paramref name="start"/> whose normalised text
    /// <paramref name="accept"/> takes; 0 if none. Words may be split by any spacing, line breaks included.
    /// </summary>
    public static int Longest(
        IReadOnlyList<Token> tokens,
        int start,
        int maxWords,
        Func<string, bool> accept,
        string text
    )
    {
        for (var n = Math.Min(maxWords, tokens.Count - start); n >= 1; n--)
        {
            var last = tokens[start + n - 1];
            var between = text.AsSpan(tokens[start].Start, last.End - tokens[start].Start);
            // A run never crosses sentence punctuation.
            if (n > 1 && between.IndexOfAny(".,;:?!()\"") >= 0)
                continue;
            if (
                accept(
                    IdentifierText.Normalise(string.Join(' ', Enumerable.Range(start, n).Select(i => tokens[i].Text)))
                )
            )
                return n;
        }
        return 0;
    }

    public static Detection Span(
        IReadOnlyList<Token> tokens,
        int start,
        int count,
        string kind,
        string identity,
        int priority,
        string recognizer
    )
    {
        var last = tokens[start + count - 1];
        // A possessive ending stays in the text: "Nakato's" becomes "[PERSON-1]'s".
        var end = last.End;
        var stripped = IdentifierText.StripPossessive(last.Text);
        if (stripped.Length < last.Text.Length)
            end -= last.Text.Length - stripped.Length;
        return new Detection(tokens[start].Start, end - tokens[start].Start, kind, identity, priority, recognizer);
    }
}
