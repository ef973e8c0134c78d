namespace PipelineFunctions.Core.Suggestions;

/// <summary>A candidate code for a passage, with how sure the engine is and what made it suggest it.</summary>
public sealed record CodeSuggestion(
    string CodeId,
    string CodeName,
    double Confidence,
    IReadOnlyList<string> Evidence,
    string Engine
);
