namespace PipelineFunctions.Core.Codebooks;

/// <summary>A code of a codebook. <paramref name="Parent"/> is the id of the parent code, null at the top.</summary>
public sealed record Code(
    string Id,
    string Name,
    string? Parent,
    string Definition,
    string? Inclusion = null,
    string? Exclusion = null,
    IReadOnlyList<string>? Examples = null);
