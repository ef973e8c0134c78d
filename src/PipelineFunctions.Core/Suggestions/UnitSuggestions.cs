namespace PipelineFunctions.Core.Suggestions;

/// <summary>The suggestions for one coding unit, best first.</summary>
public sealed record UnitSuggestions(CodingUnit Unit, IReadOnlyList<CodeSuggestion> Suggestions);
