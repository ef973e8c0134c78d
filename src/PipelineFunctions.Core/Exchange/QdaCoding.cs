namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// One coder's code on a passage of a source. <paramref name="Start"/> (inclusive) and <paramref name="End"/>
/// (exclusive) are offsets into the source's <see cref="QdaSource.PlainText"/> in UTF-16 code units — .NET string
/// indexes, as the coders' saved codings count them. The project file counts Unicode code points instead (see
/// <see cref="TextPositions"/>); the writer and reader convert, so the two agree for every text and differ in number
/// only where a text holds characters outside the Basic Multilingual Plane (emoji, some historic scripts).
/// </summary>
public sealed record QdaCoding(
    string SourceGuid,
    int Start,
    int End,
    string CodeId,
    string UserId,
    DateTimeOffset? CreatedAt = null
);
