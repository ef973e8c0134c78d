using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A transcript as a REFI-QDA text source. <paramref name="PlainText"/> is normalised (LF line ends, no BOM, NFC),
/// exactly the text coding offsets count in. <paramref name="Turns"/>, when known, are the speaker turns the text was
/// written from as <see cref="ParsedTranscript.ToText"/> writes them (one <c>Speaker: text</c> line per turn).
/// <paramref name="Values"/> are the transcript's own variable values by variable name (site, language, …).
/// </summary>
public sealed record QdaSource(
    string Guid,
    string Name,
    string PlainText,
    IReadOnlyList<SpeakerTurn>? Turns = null,
    IReadOnlyDictionary<string, string>? Values = null
)
{
    /// <summary>The text a coding selects.</summary>
    public string Passage(int start, int end) => PlainText[start..end];

    /// <summary>The speaker of the turn the offset falls in, when the turns are known.</summary>
    public string? SpeakerAt(int offset)
    {
        if (Turns is null)
            return null;
        var lineStart = 0;
        foreach (var turn in Turns)
        {
            var lineEnd = lineStart + turn.Speaker.Length + 2 + turn.Text.Length + 1;
            if (offset < lineEnd)
                return turn.Speaker;
            lineStart = lineEnd;
        }
        return null;
    }
}
