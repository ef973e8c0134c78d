namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// One identifier replaced in a turn: where it stood in the original turn text (or its speaker label, when
/// <paramref name="InSpeaker"/>), what it was, what replaced it, and why (the recognizer or the scorer's reason, a
/// category). This is re-identification key material: it is stored encrypted and shown to the custodian only.
/// </summary>
public sealed record Replacement(
    int TurnIndex,
    int Start,
    int Length,
    string Original,
    string Pseudonym,
    string Kind,
    bool InSpeaker = false,
    string Reason = ""
);
