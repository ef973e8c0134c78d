using System.Text;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>Turns an uploaded file into a normalised transcript, or rejects it with a reason.</summary>
public static partial class TranscriptReader
{
    public static ParsedTranscript Read(string fileName, byte[] content, TranscriptLimits? limits = null)
    {
        limits ??= TranscriptLimits.Default;
        if (content.Length == 0) throw new TranscriptRejectedException(RejectionReason.Empty, "The file is empty.");
        if (content.Length > limits.MaxBytes) throw new TranscriptRejectedException(RejectionReason.TooLarge, "The file is over the size limit.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext != ".txt") throw new TranscriptRejectedException(RejectionReason.UnknownFormat, "Only .txt is read so far.");
        string text;
        try { text = new UTF8Encoding(false, true).GetString(content); }
        catch (DecoderFallbackException) { throw new TranscriptRejectedException(RejectionReason.InvalidEncoding, "The file is not valid UTF-8."); }
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Normalize(NormalizationForm.FormC);
        var turns = new List<SpeakerTurn>();
        foreach (var line in text.Split('\n'))
        {
            var m = Turn().Match(line);
            if (m.Success) turns.Add(new SpeakerTurn(turns.Count + 1, m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim()));
            else if (turns.Count > 0 && line.Trim().Length > 0) turns[^1] = turns[^1] with { Text = turns[^1].Text + " " + line.Trim() };
        }
        if (turns.Count == 0) throw new TranscriptRejectedException(RejectionReason.NoSpeakerTurns, "No speaker turns were found.");
        return new ParsedTranscript(TranscriptFormat.PlainText, turns);
    }

    [GeneratedRegex(@"^([^:]{1,40}):\s*(.*)$")]
    private static partial Regex Turn();
}
