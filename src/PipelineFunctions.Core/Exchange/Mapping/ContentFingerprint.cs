using System.Security.Cryptography;
using System.Text;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange.Mapping;

/// <summary>
/// A transcript's content as one hash, so the same text is found whether it was uploaded, exported or imported: the
/// speaker turns (parsed the same way an upload is), each line case-folded with its spacing collapsed, SHA-256 of the
/// lot. Only hashes are compared and kept; no text.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(IReadOnlyList<SpeakerTurn> turns) => Hash(turns.Select(t => $"{t.Speaker}: {t.Text}"));

    /// <summary>A text as a plain-text upload of it would be parsed; text that parses into no turns is hashed by its lines.</summary>
    public static string OfText(string text)
    {
        try
        {
            var turns = TranscriptReader.Read("source.txt", Encoding.UTF8.GetBytes(text)).Turns;
            if (turns.Count > 0)
                return Of(turns);
        }
        catch (TranscriptRejectedException) { }
        return Hash(text.Split('\n'));
    }

    static string Hash(IEnumerable<string> lines)
    {
        var normalised = string.Join('\n', lines.Select(Line).Where(l => l.Length > 0));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    static string Line(string line) =>
        string.Join(
            ' ',
            line.Normalize(NormalizationForm.FormC)
                .ToLowerInvariant()
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        );
}
