using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// The turns with identifiers replaced (what coders see), the replacements (the key, custodian only) and the spans left
/// in clear that a person should check (<see cref="UnsureSpan"/>), each replacement and unsure span with its reason.
/// </summary>
public sealed record PseudonymisedTranscript(
    IReadOnlyList<SpeakerTurn> Turns,
    IReadOnlyList<Replacement> Replacements,
    IReadOnlyList<UnsureSpan>? Unsure = null
)
{
    public IReadOnlyList<UnsureSpan> UnsureSpans => Unsure ?? [];
}
