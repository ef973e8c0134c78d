namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A case read back from a project, as the study needs it: the source it is in, the speaker whose turns it holds (null
/// when its passages are not one speaker's lines, or it has none), its role and all its values.
/// </summary>
public sealed record CaseParticipant(
    string SourceGuid,
    string? Speaker,
    string CaseName,
    ParticipantRole? Role,
    IReadOnlyDictionary<string, string> Values
);
