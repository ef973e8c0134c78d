using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>The turns with identifiers replaced (what coders see), and the replacements (the key, custodian only).</summary>
public sealed record PseudonymisedTranscript(IReadOnlyList<SpeakerTurn> Turns, IReadOnlyList<Replacement> Replacements);
