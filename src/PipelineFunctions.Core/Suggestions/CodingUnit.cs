namespace PipelineFunctions.Core.Suggestions;

/// <summary>A passage to code: a speaker turn, or part of a long one. Segment counts from 1 across the transcript.</summary>
public sealed record CodingUnit(int Segment, int TurnIndex, string Speaker, string Text, bool IsInterviewer);
