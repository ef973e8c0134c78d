using System.Text;
using UtfUnknown;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Text that is not UTF-8: older Windows editors save German, French or Hebrew in a single-byte code page
/// (Windows-1252, ISO-8859-x). The charset detector (UTF.Unknown, a port of Mozilla's) names one with a confidence;
/// only single-byte Latin, Cyrillic, Greek and Hebrew pages are accepted, and only when it is reasonably sure —
/// guessing wrong would turn names into other names, which pseudonymisation would then miss.
/// </summary>
static class LegacyEncoding
{
    /// <summary>
    /// At or below this the detector is guessing (0.5 is what it gives Windows-1252 with no evidence at all); the upload
    /// is refused rather than read as mojibake.
    /// </summary>
    public const float MinConfidence = 0.5f;

    /// <summary>With fewer non-ASCII bytes than this the detector has nothing to go on, however sure it says it is.</summary>
    public const int MinEvidence = 4;

    static LegacyEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The code page and the detector's confidence, or null when it is none we read or it is unsure.</summary>
    public static (Encoding Encoding, float Confidence)? Detect(byte[] content)
    {
        if (content.Count(b => b >= 0x80) < MinEvidence || HasUtf8Sequences(content))
            return null;
        var detected = CharsetDetector.DetectFromBytes(content).Detected;
        if (detected?.EncodingName is not { } name || detected.Confidence <= MinConfidence)
            return null;
        name = name.ToLowerInvariant();
        if (
            !name.StartsWith("windows-125", StringComparison.Ordinal)
            && !name.StartsWith("iso-8859-", StringComparison.Ordinal)
        )
            return null;
        // Browsers read ISO-8859-1 as Windows-1252 (its superset) for the same reason: a file labelled or detected as
        // Latin-1 from Windows holds curly quotes and dashes in 0x80–0x9F, where Latin-1 has only control characters.
        if (name == "iso-8859-1")
            name = "windows-1252";
        try
        {
            return (
                Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
                detected.Confidence
            );
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A well-formed two- to four-byte UTF-8 sequence: in a code-page text that is vanishingly rare (<c>Ã¼</c>), so a
    /// file holding one is UTF-8 with damage, and reading it as a code page would garble all its other letters.
    /// </summary>
    static bool HasUtf8Sequences(byte[] content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            var length = content[i] switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || i + length > content.Length)
                continue;
            if (System.Text.Unicode.Utf8.IsValid(content.AsSpan(i, length)))
                return true;
        }
        return false;
    }
}
