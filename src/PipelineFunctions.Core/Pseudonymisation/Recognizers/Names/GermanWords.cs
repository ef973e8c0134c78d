namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Whether a capitalised German word is a noun rather than a name: on the list of frequent nouns, or with a noun's
/// ending (-ung, -heit, -keit, -schaft, -tion, -tät, -ismus, -nis, -chen …). Names rarely end so; -ie is left out, as
/// many women's names end so (Ottilie, Melanie).
/// </summary>
static class GermanWords
{
    static readonly string[] NounEndings = ["heit", "keit", "schaft", "tät", "ismus", "nis", "ment", "chen", "lein", "ik", "ur", "enz", "anz", "ei", "um"];

    /// <summary>Endings no name in any study language has: safe to use outside German sentences too.</summary>
    static readonly string[] StrongEndings = ["ung", "ungen", "heit", "keit", "schaft", "ismus", "tion"];

    /// <param name="german">In a German sentence every ending counts; elsewhere only the strong ones ("Arthur" stays a name).</param>
    public static bool IsNoun(string word, string normalised, bool german = true) =>
        WordLists.GermanNouns.Contains(normalised)
        || (word.Length > 5 && (StrongEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)) || (german && NounEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)))));
}
