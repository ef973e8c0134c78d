namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// REFI-QDA counts a <c>PlainTextSelection</c>'s positions in characters; we read that as Unicode code points, as
/// QualCoder and other tools that index strings by code point do, so a file means the same text in every tool.
/// .NET strings index UTF-16 code units: a character outside the Basic Multilingual Plane is two of them.
/// </summary>
public static class TextPositions
{
    /// <summary>The code point position of a UTF-16 offset; an offset inside a surrogate pair counts the pair as before it.</summary>
    public static int ToCodePoints(string text, int utf16Offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Offset, text.Length);
        var count = 0;
        for (var i = 0; i < utf16Offset; i++)
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                count++;
        if (
            utf16Offset > 0
            && utf16Offset < text.Length
            && char.IsHighSurrogate(text[utf16Offset - 1])
            && char.IsLowSurrogate(text[utf16Offset])
        )
            count--;
        return count;
    }

    /// <summary>The UTF-16 offset of a code point position, or -1 when the text is shorter.</summary>
    public static int ToUtf16(string text, long codePoints)
    {
        if (codePoints < 0)
            return -1;
        var i = 0;
        for (long seen = 0; seen < codePoints; seen++)
        {
            if (i >= text.Length)
                return -1;
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        return i;
    }
}
