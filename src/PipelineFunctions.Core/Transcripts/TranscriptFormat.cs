namespace PipelineFunctions.Core.Transcripts;

/// <summary>Upload formats. New ones go at the end: the names are stored with each transcript.</summary>
public enum TranscriptFormat
{
    PlainText,
    Word,
    WebVtt,
    Srt,
    RichText,
    OpenDocument,
    Pdf,
}
