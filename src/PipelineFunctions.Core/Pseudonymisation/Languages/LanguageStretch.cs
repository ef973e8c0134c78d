namespace PipelineFunctions.Core.Pseudonymisation.Languages;

/// <summary>A stretch of a turn (a sentence or more) and the language it is in.</summary>
public readonly record struct LanguageStretch(int Start, int End, string? Language);
