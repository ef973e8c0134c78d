namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A case: the unit analysts compare by — here a participant, one speaker pseudonym within one transcript. It holds
/// its variable values by variable name, the sources it belongs to, and the passages that are its (the speaker's
/// turns), so in a focus group each participant's case covers only what they said.
/// </summary>
public sealed record QdaCase(
    string Guid,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> SourceGuids,
    IReadOnlyList<QdaSpan> Passages,
    string? Description = null
);
