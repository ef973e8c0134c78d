namespace PipelineFunctions.Core.Exchange;

/// <summary>Why a project file was refused.</summary>
public enum QdpxProblem
{
    NotAProjectFile,
    TooLarge,
    ZipBomb,
    UnsafeEntryName,
    MissingProject,
    InvalidXml,
    MissingSourceText,
    InvalidText,
    BrokenReference,
    PositionOutOfRange,
    /// <summary>A PDF, picture, audio or video source: listed, not imported as text, its codings not placed.</summary>
    UnsupportedSource,
    /// <summary>A selection that is not of plain text (a region of a picture or PDF page, a stretch of audio or video).</summary>
    UnsupportedSelection,
}

/// <summary>
/// A .qdpx (or its project.qde) cannot be imported. The message says what is wrong in words a researcher
/// understands and never quotes the file's text, which may hold identifiers.
/// </summary>
public sealed class QdpxRejectedException(QdpxProblem problem, string message) : Exception(message)
{
    public QdpxProblem Problem { get; } = problem;
}
