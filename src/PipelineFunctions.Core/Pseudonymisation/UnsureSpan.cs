namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// A span left in clear that a person should check before coders read the transcript: where it stands in the original
/// turn text (or its speaker label), what it reads and why the scorer was unsure (a category, never the text). Like a
/// <see cref="Replacement"/> it holds transcript text, so it is shown only to the site's researcher and the custodian.
/// </summary>
public sealed record UnsureSpan(
    int TurnIndex,
    int Start,
    int Length,
    string Text,
    string Reason,
    bool InSpeaker = false
)
{
    public int End => Start + Length;

    /// <summary>
    /// The other places the same text is left in clear in this transcript: a person decides a word once, and the
    /// decision holds wherever it stands (so the transcript lists it once, the page still marks every occurrence).
    /// </summary>
    public IReadOnlyList<UnsureSpan> Others { get; init; } = [];

    /// <summary>This span and its others, in the order they stand.</summary>
    public IEnumerable<UnsureSpan> Occurrences => [this, .. Others];
}
