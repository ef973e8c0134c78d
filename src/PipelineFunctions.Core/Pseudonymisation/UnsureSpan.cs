namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// A span left in clear that a person should check before coders read the transcript: where it stands in the original
/// turn text (or its speaker label), what it reads and why the scorer was unsure (a category, never the text). Like a
/// <see cref="Replacement"/> it holds transcript text, so it is shown only to the site's researcher and the custodian.
/// </summary>
public sealed record UnsureSpan(int TurnIndex, int Start, int Length, string Text, string Reason, bool InSpeaker = false)
{
    public int End => Start + Length;
}
