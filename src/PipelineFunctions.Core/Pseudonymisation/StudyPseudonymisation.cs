namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// What a study's pseudonymisation needs: its secret key, its roster, the words never to replace (the study's own
/// vocabulary, codebook terms, site names), and how placeholders read.
/// </summary>
public sealed record StudyPseudonymisation(byte[] Key, IReadOnlyList<RosterEntry> Roster, IReadOnlyCollection<string>? AllowList = null,
    PlaceholderStyle Style = PlaceholderStyle.Numbered);
