namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>A marked stretch of a hard case: in its speaker label or its text.</summary>
public sealed record MarkedSpan(int Start, int Length, bool InSpeaker)
{
    public int End => Start + Length;
}

/// <summary>
/// One hand-written hard case: its kind (title, address, word-name, …), the language the upload declared, an optional
/// speaker label, the text, what must be replaced and what must stay. <paramref name="HeldOut"/>: never tuned on.
/// </summary>
public sealed record HardCase(
    int Number,
    string Kind,
    string Language,
    string Speaker,
    string Text,
    IReadOnlyList<MarkedSpan> MustGo,
    IReadOnlyList<MarkedSpan> MustKeep
)
{
    /// <summary>The split fixed before any tuning: every 4th case is held out.</summary>
    public bool HeldOut => Number % 4 == 0;
}
