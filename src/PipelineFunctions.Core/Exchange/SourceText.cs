using System.Text;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A source's text as a project file holds it, and the way from the file's positions into our normalised text.
/// Positions are counted (as the REFI-QDA convention has it) on the text with LF line ends and no BOM; we also
/// compose it to NFC, and a position moves with that only where the file's text was decomposed.
/// </summary>
sealed class SourceText
{
    readonly string counted;
    readonly bool composed;
    public string Text { get; }

    SourceText(string decoded)
    {
        counted = decoded.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        Text = counted.Normalize(NormalizationForm.FormC);
        composed = Text == counted;
    }

    /// <summary>The UTF-16 offset into <see cref="Text"/> of a position in code points, or -1 past the end.</summary>
    public int Offset(long codePoints) => At(codePoints, lineBreaksCountTwice: false) ?? -1;

    /// <summary>
    /// The UTF-16 offset into <see cref="Text"/> of a position in code points, or null past the end; with
    /// <paramref name="lineBreaksCountTwice"/>, each line break counts two (CR LF, as NVivo counts), and a position
    /// between its two halves is the line's end.
    /// </summary>
    public int? At(long codePoints, bool lineBreaksCountTwice)
    {
        var offset = lineBreaksCountTwice
            ? CountingBreaksTwice(codePoints)
            : TextPositions.ToUtf16(counted, codePoints);
        if (offset < 0)
            return null;
        return composed ? offset : counted[..offset].Normalize(NormalizationForm.FormC).Length;
    }

    /// <summary>Whether the text has a line break at all (otherwise the two ways of counting agree).</summary>
    public bool HasLineBreaks => counted.Contains('\n');

    int CountingBreaksTwice(long position)
    {
        if (position < 0)
            return -1;
        var i = 0;
        for (long seen = 0; seen < position; )
        {
            if (i >= counted.Length)
                return -1;
            if (counted[i] == '\n' && (seen += 2) > position)
                return i;
            else if (counted[i] != '\n')
                seen++;
            i +=
                char.IsHighSurrogate(counted[i]) && i + 1 < counted.Length && char.IsLowSurrogate(counted[i + 1])
                    ? 2
                    : 1;
        }
        return i;
    }

    public static SourceText FromString(string text) => new(text);

    /// <summary>UTF-8 (with or without a BOM) or UTF-16 with a BOM, strictly decoded; null when it is neither.</summary>
    public static SourceText? Decode(byte[] content)
    {
        try
        {
            var text = content switch
            {
                [0xFF, 0xFE, ..] => new UnicodeEncoding(false, false, true).GetString(content, 2, content.Length - 2),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(true, false, true).GetString(content, 2, content.Length - 2),
                _ => new UTF8Encoding(false, true).GetString(content),
            };
            return text.Contains('\0') ? null : new SourceText(text);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// A Word rendering as NVivo renders it to plain text: every paragraph followed by a line end (its empty
    /// one-paragraph documents come with a one-byte <c>"\n"</c> text file).
    /// </summary>
    public static SourceText? FromWord(byte[] content, long maxUnpackedBytes)
    {
        try
        {
            var lines = WordTranscriptParser.Lines(
                content,
                new TranscriptLimits(MaxUnpackedBytes: maxUnpackedBytes),
                tableRowsAsTurns: false
            );
            return new SourceText(string.Concat(lines.Select(line => line + "\n")));
        }
        catch (TranscriptRejectedException)
        {
            return null;
        }
    }
}
