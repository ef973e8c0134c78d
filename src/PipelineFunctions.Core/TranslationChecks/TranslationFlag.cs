namespace PipelineFunctions.Core.TranslationChecks;

public enum Severity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// Something a translation lead should look at: which turn(s), what kind, how serious, and why in plain words.
/// Turns are the 1-based indexes of the pseudonymised source and translation.
/// </summary>
public sealed record TranslationFlag(
    string Kind,
    Severity Severity,
    int? SourceTurn,
    int? TranslationTurn,
    string Explanation
);

/// <summary>A source turn and the translation turn it lines up with; either side may be missing.</summary>
public sealed record AlignedTurn(int? SourceTurn, int? TranslationTurn);

public sealed record TranslationCheckResult(IReadOnlyList<AlignedTurn> Alignment, IReadOnlyList<TranslationFlag> Flags);
