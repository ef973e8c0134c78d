namespace PipelineFunctions.Core.Transcripts;

public enum TranscriptFormat { PlainText, Word, WebVtt, Srt }
