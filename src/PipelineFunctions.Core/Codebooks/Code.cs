namespace PipelineFunctions.Core.Codebooks;

/// <summary>A code of a codebook. <paramref name="Parent"/> is the id of the parent code, null at the top.</summary>
/// <param name="Colour">The code's colour (<c>#rrggbb</c>), fixed with the code so every page shows it alike (<see cref="CodeColours"/>).</param>
public sealed record Code(
    string Id,
    string Name,
    string? Parent,
    string Definition,
    string? Inclusion = null,
    string? Exclusion = null,
    IReadOnlyList<string>? Examples = null,
    string? Colour = null
);
