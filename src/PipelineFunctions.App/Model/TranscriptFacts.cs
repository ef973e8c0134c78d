namespace PipelineFunctions.App.Model;

/// <summary>What a stage learned about a transcript, written with its status change. Null: unchanged.</summary>
public sealed record TranscriptFacts(
    string? Format = null,
    int? TurnCount = null,
    int? WordCount = null,
    int? PseudonymVersion = null,
    int? SuggestionCount = null,
    string? CodebookVersion = null,
    IReadOnlyList<StoredUnsureSpan>? UnsureSpans = null,
    SiteRelease? Released = null,
    bool? CodeInOriginal = null
);
