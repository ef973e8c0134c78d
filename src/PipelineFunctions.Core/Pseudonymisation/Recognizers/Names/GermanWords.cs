namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Whether a capitalised German word is a noun rather than a name: on the list of frequent nouns, or with a noun's
/// ending (-ung, -heit, -keit, -schaft, -tion, -tät, -ismus, -nis, -chen …). Names rarely end so; -ie is left out, as
/// many women's names end so (Ottilie, Melanie).
/// </summary>
static class GermanWords
{
    static readonly string[] NounEndings =
    [
        "heit",
        "keit",
        "schaft",
        "tät",
        "ismus",
        "nis",
        "ment",
        "chen",
        "lein",
        "ik",
        "ur",
        "enz",
        "anz",
        "ei",
        "um",
    ];

    static readonly IReadOnlySet<string> PlaceEndings = WordLists.Cues("de-place-ending");

    /// <summary>Endings no name in any study language has: safe to use outside German sentences too.</summary>
    static readonly string[] StrongEndings = ["ung", "ungen", "heit", "keit", "schaft", "ismus", "tion"];

    /// <summary>
    /// A German compound whose last part is a noun of the dictionary ("Selbsthilfegruppe", "Notarzt", "Anleiterin"
    /// from "Leiterin"): a noun, though the dictionary lacks the whole. Surnames are compounds too (Zimmermann), so
    /// this is evidence for words no person cue and no name list speaks for; a place's ending (-platz, -berg, -ingen) is none.
    /// </summary>
    public static bool IsCompound(string word)
    {
        if (word.Length < 7 || !char.IsUpper(word[0]))
            return false;
        foreach (var ending in PlaceEndings)
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                return false;
        for (var k = 3; k <= word.Length - 4; k++)
        {
            if (!char.IsLower(word[k]))
                continue;
            var tail = char.ToUpperInvariant(word[k]) + word[(k + 1)..];
            if (
                Evidence.Lexicons.GermanWords.Contains(IdentifierText.Normalise(tail))
                || WordLists.GermanNouns.Contains(IdentifierText.Normalise(tail))
            )
                return true;
        }
        return false;
    }

    /// <summary>A word ending as German streets, quarters and towns do (Safranberg, Söflingen, Weissenau), with three
    /// letters or more before the ending.</summary>
    public static bool HasPlaceEnding(string word)
    {
        foreach (var ending in PlaceEndings)
            if (word.Length >= ending.Length + 3 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <param name="german">In a German sentence every ending counts; elsewhere only the strong ones ("Arthur" stays a name).</param>
    public static bool IsNoun(string word, string normalised, bool german = true) =>
        WordLists.GermanNouns.Contains(normalised)
        || (
            word.Length > 5
            && (
                StrongEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal))
                || (german && NounEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)))
            )
        );
}
