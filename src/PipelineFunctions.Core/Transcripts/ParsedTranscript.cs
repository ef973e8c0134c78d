namespace PipelineFunctions.Core.Transcripts;

/// <summary>A transcript parsed into speaker turns; the turns are the unit every later stage works on.</summary>
public sealed record ParsedTranscript(TranscriptFormat Format, IReadOnlyList<SpeakerTurn> Turns)
{
    /// <summary>For text formats, the encoding the bytes were read in (a legacy code page with its confidence).</summary>
    public DecodedText? Encoding { get; init; }

    /// <summary>The normalised text: one turn per line as <c>Speaker: text</c>, LF-terminated.</summary>
    public string ToText() => string.Concat(Turns.Select(t => $"{t.Speaker}: {t.Text}\n"));
}
