namespace PipelineFunctions.Core.Exchange;

/// <summary>A named group of sources and codes (the study's sites as sets of transcripts, or a tool's own sets).</summary>
public sealed record QdaSet(
    string Guid,
    string Name,
    IReadOnlyList<string> SourceGuids,
    IReadOnlyList<string>? CodeIds = null,
    string? Description = null
);
