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

    /// <summary>A file inside the archive whose bytes do not match the checksum (CRC-32) the archive declares for it.</summary>
    DamagedEntry,

    /// <summary>Two elements of the project carry the same GUID: references to it are ambiguous.</summary>
    DuplicateGuid,

    /// <summary>An element the standard (QDA-XML 1.0) does not define, perhaps from a newer version of it: not read.</summary>
    UnknownElement,

    /// <summary>A note, not a fault: a source's positions count each line break as two characters (CR LF, as NVivo counts).</summary>
    LineBreaksCountedTwice,

    /// <summary>The archive holds no project.qde but several other .qde files: which one is the project is unclear.</summary>
    SeveralProjects,

    /// <summary>A note, not a fault: memos about no source the importing study holds (a code alone, the project).</summary>
    MemoWithoutTranscript,

    /// <summary>A note, not a fault: sets of whole sources (another tool's document groups), kept as saved searches of
    /// their transcripts' passages.</summary>
    SetOfSources,
}

/// <summary>
/// A .qdpx (or its project.qde) cannot be imported. The message says what is wrong in words a researcher
/// understands and never quotes the file's text, which may hold identifiers.
/// </summary>
public sealed class QdpxRejectedException(QdpxProblem problem, string message) : Exception(message)
{
    public QdpxProblem Problem { get; } = problem;
}
