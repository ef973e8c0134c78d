namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A memo. Attached to a source when <paramref name="SourceGuid"/> is set, to a passage of it when
/// <paramref name="Start"/> and <paramref name="End"/> are too (UTF-16 offsets, as for a <see cref="QdaCoding"/>);
/// otherwise it is about the project as a whole. A memo about a code names it in <paramref name="CodeId"/> (the code refers to it).
/// </summary>
public sealed record QdaNote(
    string Text,
    string UserId,
    string? SourceGuid = null,
    int? Start = null,
    int? End = null,
    DateTimeOffset? CreatedAt = null,
    string? CodeId = null
);
