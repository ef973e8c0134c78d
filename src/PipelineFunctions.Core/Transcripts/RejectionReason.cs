namespace PipelineFunctions.Core.Transcripts;

/// <summary>Why an upload was refused. Each reason has a message a site researcher understands.</summary>
public enum RejectionReason
{
    Empty,
    TooLarge,
    UnknownFormat,
    BinaryContent,
    InvalidEncoding,
    ZipBomb,
    CorruptDocument,
    UnsafeFileName,
    NoSpeakerTurns,

    /// <summary>A PDF without a text layer: a scan, which needs text recognition first.</summary>
    NoTextLayer,
}
