namespace PipelineFunctions.Core.Suggestions;

/// <summary>The suggestions for one coding unit, best first.</summary>
/// <param name="Abstained">Why nothing is suggested, when the engine chose not to (an interviewer's turn, small talk):
/// an outcome of its own, so "no code fits" is never confused with "the engine did not run".</param>
public sealed record UnitSuggestions(
    CodingUnit Unit,
    IReadOnlyList<CodeSuggestion> Suggestions,
    string? Abstained = null
);
