namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>The word lists the checks read (TranslationChecks/Data/*.txt): lines <c>language: word word …</c>.</summary>
static class CueWords
{
    static readonly Lazy<Dictionary<string, Dictionary<string, double>>> NumberList = new(() =>
        Load("number-words")
            .ToDictionary(
                l => l.Language,
                l =>
                    l.Words.Select(w => w.Split('='))
                        .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(
                            g => g.Key,
                            g => double.Parse(g.First()[1], System.Globalization.CultureInfo.InvariantCulture),
                            StringComparer.OrdinalIgnoreCase
                        )
            )
    );
    static readonly Lazy<Dictionary<string, HashSet<string>>> NegationList = new(() =>
        Load("negation-cues").ToDictionary(l => l.Language, l => l.Words.ToHashSet(StringComparer.OrdinalIgnoreCase))
    );

    /// <summary>Number words of a language with their values; empty for a language without a list.</summary>
    public static IReadOnlyDictionary<string, double> Numbers(string language) =>
        NumberList.Value.TryGetValue(language, out var words) ? words : new Dictionary<string, double>();

    /// <summary>Negating words of a language; empty for a language without a list.</summary>
    public static IReadOnlySet<string> Negations(string language) =>
        NegationList.Value.TryGetValue(language, out var words) ? words : new HashSet<string>();

    static IEnumerable<(string Language, string[] Words)> Load(string name) =>
        EmbeddedData.Keyed($"TranslationChecks.{name}.txt");
}
