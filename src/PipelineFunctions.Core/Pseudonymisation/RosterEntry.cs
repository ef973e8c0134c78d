namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>A person, place or organisation a site told us about, with the other ways it is written.</summary>
public sealed record RosterEntry(string Identifier, IdentifierCategory Category, IReadOnlyList<string> Aliases);
