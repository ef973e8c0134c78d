namespace PipelineFunctions.App.Language;

/// <summary>Splits a text into pieces under a length limit, at sentence ends or spaces where it can, keeping each piece's offset.</summary>
public static class TextChunks
{
    public static IEnumerable<(int Offset, string Text)> Split(string text, int limit)
    {
        var at = 0;
        while (text.Length - at > limit)
        {
            var window = text.AsSpan(at, limit);
            var cut = window.LastIndexOfAny(".?!\n");
            if (cut < limit / 2)
                cut = window.LastIndexOf(' ');
            if (cut < limit / 2)
                cut = limit - 1;
            // Never split a surrogate pair: offsets are UTF-16 units on both sides.
            if (char.IsHighSurrogate(text[at + cut]))
                cut--;
            yield return (at, text.Substring(at, cut + 1));
            at += cut + 1;
        }
        if (at < text.Length)
            yield return (at, text[at..]);
    }
}
