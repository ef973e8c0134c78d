namespace PipelineFunctions.Core.Transcripts;

/// <summary>One speaker turn of a normalised transcript (UTF-8, LF, NFC). Index counts from 1.</summary>
public sealed record SpeakerTurn(int Index, string Speaker, string Text, TimeSpan? Start = null, TimeSpan? End = null);
