using System.Text;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Bytes to normalised text: UTF-8 (BOM or not) and UTF-16 (BOM, or plainly so), strictly decoded; text that is not
/// UTF-8 is tried as a legacy single-byte code page the detector is sure of (<see cref="LegacyEncoding"/>). Then no
/// BOM, LF line ends and Unicode NFC, so offsets computed later are stable whatever the uploader's editor did.
/// </summary>
public static class TextDecoding
{
    public static string Decode(byte[] content) => Decode(content, out _);

    /// <summary>The text, and in <paramref name="how"/> which encoding it was read in.</summary>
    public static string Decode(byte[] content, out DecodedText how)
    {
        string text;
        if (StartsWith(content, 0xEF, 0xBB, 0xBF))
            (text, how) = (Strict(new UTF8Encoding(false, true), content, 3), new DecodedText("utf-8"));
        else if (StartsWith(content, 0xFF, 0xFE))
            (text, how) = (Strict(new UnicodeEncoding(false, false, true), content, 2), new DecodedText("utf-16"));
        else if (StartsWith(content, 0xFE, 0xFF))
            (text, how) = (Strict(new UnicodeEncoding(true, false, true), content, 2), new DecodedText("utf-16"));
        else if (LooksLikeUtf16(content, out var bigEndian))
            (text, how) = (Strict(new UnicodeEncoding(bigEndian, false, true), content, 0), new DecodedText("utf-16"));
        else
        {
            if (LooksBinary(content))
                throw new TranscriptRejectedException(
                    RejectionReason.BinaryContent,
                    "The file holds binary data, not text."
                );
            (text, how) = Utf8OrLegacy(content);
        }
        return Normalise(text);
    }

    static (string, DecodedText) Utf8OrLegacy(byte[] content)
    {
        try
        {
            return (new UTF8Encoding(false, true).GetString(content), new DecodedText("utf-8"));
        }
        catch (DecoderFallbackException) when (LegacyEncoding.Detect(content) is var (encoding, confidence))
        {
            return (Strict(encoding, content, 0), new DecodedText(encoding.WebName, confidence));
        }
        catch (DecoderFallbackException)
        {
            throw new TranscriptRejectedException(
                RejectionReason.InvalidEncoding,
                "The file is not valid UTF-8 text, nor clearly in a Windows or ISO-8859 code page; save it as UTF-8 and upload it again."
            );
        }
    }

    public static string Normalise(string text)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\t'))))
            throw new TranscriptRejectedException(
                RejectionReason.BinaryContent,
                "The file holds control characters that text does not."
            );
        return text.Normalize(NormalizationForm.FormC);
    }

    static string Strict(Encoding encoding, byte[] content, int skip)
    {
        try
        {
            return encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new TranscriptRejectedException(
                RejectionReason.InvalidEncoding,
                $"The file is not valid {(encoding is UnicodeEncoding ? "UTF-16" : encoding is UTF8Encoding ? "UTF-8" : encoding.WebName)} text; save it as UTF-8 and upload it again."
            );
        }
    }

    static bool StartsWith(byte[] content, params byte[] prefix) =>
        content.Length >= prefix.Length && content.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>UTF-16 without a BOM: English-like text puts a zero in every other byte.</summary>
    static bool LooksLikeUtf16(byte[] content, out bool bigEndian)
    {
        bigEndian = false;
        var sample = Math.Min(content.Length, 4096) & ~1;
        if (sample < 8)
            return false;
        int evenZeros = 0,
            oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (content[i] == 0)
                evenZeros++;
            if (content[i + 1] == 0)
                oddZeros++;
        }
        var pairs = sample / 2;
        bigEndian = evenZeros > oddZeros;
        return Math.Max(evenZeros, oddZeros) > pairs * 0.4 && Math.Min(evenZeros, oddZeros) < pairs * 0.05;
    }

    static bool LooksBinary(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
                return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20))
                control++;
        }
        return control > sample.Length / 100 + 1;
    }
}
