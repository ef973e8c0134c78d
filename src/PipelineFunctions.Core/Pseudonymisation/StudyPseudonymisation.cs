namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// What a study's pseudonymisation needs: its secret key, its roster, the words never to replace (the study's own
/// vocabulary, codebook terms), and how placeholders read. Places by size: a city of at least
/// <paramref name="LargePlacePopulation"/> people, or a country, identifies nobody and stays (unless part of an
/// address); smaller places go. <paramref name="OwnSites"/>: the study's own hospitals, clinics and sites, replaced
/// wherever they stand (they tell where a participant is treated).
/// </summary>
public sealed record StudyPseudonymisation(
    byte[] Key,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyCollection<string>? AllowList = null,
    PlaceholderStyle Style = PlaceholderStyle.Numbered,
    int LargePlacePopulation = StudyPseudonymisation.DefaultLargePlacePopulation,
    IReadOnlyCollection<string>? OwnSites = null
)
{
    /// <summary>Cities of this size (Kampala, Dar es Salaam, Hamburg, Tel Aviv) stay; Gulu, Ulm, Be'er Sheva go.</summary>
    public const int DefaultLargePlacePopulation = 300_000;
}
