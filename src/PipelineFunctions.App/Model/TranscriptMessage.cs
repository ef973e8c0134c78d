namespace PipelineFunctions.App.Model;

/// <summary>What every stage queue carries: ids only, never text.</summary>
public sealed record TranscriptMessage(string StudyId, string TranscriptId);
