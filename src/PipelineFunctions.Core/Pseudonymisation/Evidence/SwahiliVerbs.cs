namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// Whether a word is an inflected Kiswahili verb whose stem the dictionary knows: the dictionary (hunspell-sw) lists
/// stems ("lazwa", "pata"), but speech has them with a subject, a tense, a relative and an object before them and a
/// question ending after ("Ulilazwa", "Nilikipata", "Ulipokimbia", "Alikusaidiaje", "Sikumbuki"). A subject and a tense
/// (or a negative subject) are required and the stem has three letters or more, so a name seldom reads as one.
/// </summary>
public static class SwahiliVerbs
{
    static readonly string[] Subjects = Morphemes("ni u a tu m mu wa ki vi li ya i zi ku pa");

    /// <summary>Negative subjects (si-, hu-, ha-, hatu-, ham-, hawa-, haki- …): no tense needed after them.</summary>
    static readonly string[] NegativeSubjects = Morphemes(
        "si hu ha hatu ham hawa haki havi hali haya hai hazi haku hapa"
    );

    static readonly string[] Tenses = Morphemes("li na ta me ka ki nge ngali sha ja ku");
    static readonly string[] Relatives = Morphemes("- po ye cho o lo vyo zo ko mo sipo");
    static readonly string[] Objects = Morphemes("- ni ku m mw mu tu wa ki vi li ya i zi ji");
    static readonly string[] Endings = Morphemes("- je ni po ye cho ko mo");

    /// <summary>The morphemes of one slot, "-" for none.</summary>
    static string[] Morphemes(string list) => [.. list.Split(' ').Select(m => m == "-" ? "" : m)];

    public static bool Is(string normalised)
    {
        // A name of the gazetteers is not read as a verb ("Halima" is ha-lima, "Alinda" a-li-nda).
        if (normalised.Length < 6 || !normalised.All(char.IsAsciiLetterLower) || Lexicons.IsPersonName(normalised))
            return false;
        var words = Lexicons.SwahiliWords;
        foreach (var s in Subjects)
            if (normalised.StartsWith(s, StringComparison.Ordinal))
                foreach (var t in Tenses)
                    if (
                        string.CompareOrdinal(normalised, s.Length, t, 0, t.Length) == 0
                        && Rest(normalised, s.Length + t.Length, words)
                    )
                        return true;
        foreach (var n in NegativeSubjects)
            if (normalised.StartsWith(n, StringComparison.Ordinal))
            {
                if (Rest(normalised, n.Length, words))
                    return true;
                foreach (var t in Tenses)
                    if (
                        string.CompareOrdinal(normalised, n.Length, t, 0, t.Length) == 0
                        && Rest(normalised, n.Length + t.Length, words)
                    )
                        return true;
            }
        return false;
    }

    /// <summary>A relative, an object, then a known stem and a question ending, from <paramref name="at"/> on.</summary>
    static bool Rest(string word, int at, IReadOnlySet<string> words)
    {
        foreach (var r in Relatives)
        {
            if (string.CompareOrdinal(word, at, r, 0, r.Length) != 0)
                continue;
            foreach (var o in Objects)
            {
                var from = at + r.Length + o.Length;
                if (from > word.Length || string.CompareOrdinal(word, at + r.Length, o, 0, o.Length) != 0)
                    continue;
                foreach (var e in Endings)
                {
                    var length = word.Length - from - e.Length;
                    if (length < 3 || !word.EndsWith(e, StringComparison.Ordinal))
                        continue;
                    var stem = word.Substring(from, length);
                    // A negative present ends in -i where the stem ends in -a ("sikumbuki": kumbuka).
                    if (words.Contains(stem) || stem[^1] == 'i' && words.Contains(stem[..^1] + "a"))
                        return true;
                }
            }
        }
        return false;
    }
}
