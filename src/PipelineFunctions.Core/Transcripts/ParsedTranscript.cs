namespace PipelineFunctions.Core.Transcripts;

/// <summary>A transcript parsed into speaker turns; the turns are the unit every later stage works on.</summary>
public sealed record ParsedTranscript(TranscriptFormat Format, IReadOnlyList<SpeakerTurn> Turns)
{
    /// <summary>The normalised text: one turn per line as <c>Speaker: text</c>, LF-terminated.</summary>
    public string ToText() => string.Concat(Turns.Select(t => $"{t.Speaker}: {t.Text}\n"));
}
