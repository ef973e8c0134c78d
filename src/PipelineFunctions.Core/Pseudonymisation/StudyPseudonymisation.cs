namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>What a study's pseudonymisation needs: its secret key, its roster and the words never to replace.</summary>
public sealed record StudyPseudonymisation(byte[] Key, IReadOnlyList<RosterEntry> Roster, IReadOnlyCollection<string>? AllowList = null);
