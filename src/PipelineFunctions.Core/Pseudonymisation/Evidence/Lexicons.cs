namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// The evidence the scorer weighs a word against, loaded once from Data/ (see scripts/make-lexicons.sh): each study
/// language's dictionary of ordinary words, the public entities that identify nobody (countries, nationalities, days,
/// months, greetings, religious phrases, services and brands, diagnoses, institutions, programmes, medicines, states
/// and provinces), and
/// cities with their population. All keys are normalised as identifiers are.
/// </summary>
public static class Lexicons
{
    static readonly Lazy<HashSet<string>> GermanList = new(() => Words("german-nouns.txt.gz"));
    static readonly Lazy<HashSet<string>> GermanLowerList = new(() => Words("german-lower.txt.gz"));
    static readonly Lazy<HashSet<string>> PeopleList = new(() => Words("people-names.txt.gz"));
    static readonly Lazy<HashSet<string>> SwahiliList = new(() => Words("swahili-words.txt.gz"));
    static readonly Lazy<HashSet<string>> MedicalList = new(() => Words("medical-words.txt.gz"));
    static readonly Lazy<Dictionary<string, int>> PopulationList = new(Populations);
    static readonly Lazy<Dictionary<string, string>> PublicList = new(PublicTerms);
    static readonly Lazy<int> LongestPublic = new(() => PublicList.Value.Keys.Max(k => k.Count(c => c == ' ') + 1));

    /// <summary>Capitalised German words: nouns, less the given names and surnames that have no plural there (Anna, Paul).</summary>
    public static IReadOnlySet<string> GermanWords => GermanList.Value;

    /// <summary>Given names and surnames of many cultures (evidence only: many are words too, weighed against the dictionaries).</summary>
    public static IReadOnlySet<string> PeopleNames => PeopleList.Value;

    /// <summary>Whether a word is a given name or surname of the site lists or of the wider gazetteer.</summary>
    public static bool IsPersonName(string normalised) =>
        WordLists.Names.Contains(normalised) || PeopleList.Value.Contains(normalised);

    /// <summary>Lower-case Kiswahili words.</summary>
    public static IReadOnlySet<string> SwahiliWords => SwahiliList.Value;

    /// <summary>Medicines, diagnoses and anatomy that are no ordinary English word.</summary>
    public static IReadOnlySet<string> MedicalWords => MedicalList.Value;

    /// <summary>A public term's category (country, nationality, day, month, greeting, religious, service, …).</summary>
    public static IReadOnlyDictionary<string, string> Public => PublicList.Value;

    /// <summary>The most words a public term has, so a scan knows how far to look.</summary>
    public static int LongestPublicTerm => LongestPublic.Value;

    /// <summary>The largest population of a city of that name, 0 when none is listed.</summary>
    public static int Population(string normalised) => PopulationList.Value.GetValueOrDefault(normalised);

    /// <summary>Whether a word is an ordinary word of the language (the sentence's, or any study language when unknown).</summary>
    public static bool IsOrdinary(string normalised, string? language) =>
        language switch
        {
            "en" => WordLists.English.Contains(normalised),
            "de" => GermanList.Value.Contains(normalised)
                || WordLists.GermanNouns.Contains(normalised)
                || GermanLowerList.Value.Contains(normalised),
            "sw" => SwahiliList.Value.Contains(normalised) || SwahiliVerbs.Is(normalised),
            _ => WordLists.English.Contains(normalised)
                || SwahiliList.Value.Contains(normalised)
                || GermanList.Value.Contains(normalised)
                || GermanLowerList.Value.Contains(normalised)
                || SwahiliVerbs.Is(normalised),
        };

    static HashSet<string> Words(string resource) =>
        EmbeddedData
            .Lines($"Pseudonymisation.{resource}")
            .Select(IdentifierText.Normalise)
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    static Dictionary<string, int> Populations()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.Lines("Pseudonymisation.large-places.txt.gz"))
        {
            var space = line.IndexOf(' ');
            var key = IdentifierText.Normalise(line[(space + 1)..]);
            map[key] = Math.Max(
                map.GetValueOrDefault(key),
                int.Parse(line.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture)
            );
        }
        return map;
    }

    static Dictionary<string, string> PublicTerms()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in EmbeddedData.Lines("Pseudonymisation.countries.txt"))
            map.TryAdd(IdentifierText.Normalise(country), "country");
        foreach (var region in EmbeddedData.Lines("Pseudonymisation.regions.txt"))
            map.TryAdd(IdentifierText.Normalise(region), "region");
        foreach (var nationality in EmbeddedData.Lines("Pseudonymisation.nationalities.txt"))
            map.TryAdd(IdentifierText.Normalise(nationality), "nationality");
        foreach (var line in EmbeddedData.Lines("Pseudonymisation.public-terms.txt"))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var category = line[..colon].Trim();
            foreach (var term in line[(colon + 1)..].Split('|'))
                if (IdentifierText.Normalise(term) is { Length: > 0 } key)
                    map.TryAdd(key, category);
        }
        return map;
    }
}
