namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>Data/patterns.json as written: shared regex fragments and the recognizers.</summary>
public sealed record PatternFile(Dictionary<string, string>? Fragments, List<RecognizerSpec> Recognizers);

/// <summary>
/// One pattern recognizer as data: its id (a replacement's reason), the kind it reports, its priority, the countries
/// its patterns come from, its word lists by name then language, and its patterns.
/// </summary>
public sealed record RecognizerSpec(
    string Id,
    string Kind,
    int Priority,
    List<PatternSpec> Patterns,
    string[]? Countries = null,
    Dictionary<string, Dictionary<string, string[]>>? Words = null
);

/// <summary>
/// One regex (its parts joined) with its check: a named validator, digit counts by named group, and the examples a
/// test holds it to.
/// </summary>
public sealed record PatternSpec(
    string Id,
    string[] Regex,
    bool IgnoreCase = false,
    string? Validator = null,
    DigitBound[]? Digits = null,
    string[]? Examples = null,
    string[]? CounterExamples = null
);

/// <summary>When <paramref name="Group"/> matched, the match holds from <paramref name="Min"/> to
/// <paramref name="Max"/> digits.</summary>
public sealed record DigitBound(string Group, int Min, int Max);
