using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Whether a name that is also a word (Grace, Hope, Neema, Will) acts as a name where it stands: in a speaker label,
/// capitalised inside a sentence, with a possessive, addressed ("Faith, can you…"), before another name, or as the
/// subject of something people do ("Gift will bring", "Baraka alikuja", "Blessing is a peer"). Otherwise it is the word:
/// "by the grace of God", "Hope is what keeps me going", "Baraka za Mungu".
/// </summary>
static partial class NameUse
{
    static readonly IReadOnlySet<string> PeopleVerbs = WordLists.Cues("subject");
    static readonly IReadOnlySet<string> Predicates = WordLists.Cues("predicate");
    static readonly IReadOnlySet<string> Determiners = WordLists.Cues("determiner");

    public static bool IsWordName(string normalised) => WordLists.WordNames.Contains(normalised);

    public static bool AsName(RecognitionInput input, int i)
    {
        var tokens = input.Tokens;
        var t = tokens[i];
        if (input.IsSpeaker)
            return true;
        if (!t.IsCapitalised || AfterDeterminer(input, i))
            return false;
        // In German every noun has a capital, so only the words around it tell ("Andreas, hat sie gesagt", "der Paul sagt").
        var german = input.LanguageAt(t.Start) is "de";
        if (!german && (!t.SentenceStart || IdentifierText.StripPossessive(t.Text).Length < t.Text.Length))
            return true;
        if (i + 1 >= tokens.Count)
            return false;
        var next = tokens[i + 1];
        var gap = input.Text.AsSpan(t.End, next.Start - t.End).Trim();
        if (gap is ",")
            return t.SentenceStart || !german;
        if (gap.Length > 0)
            return false;
        if (!german && next.IsCapitalised && !next.SentenceStart)
            return true;
        if (PeopleVerbs.Contains(next.Text) || SwahiliThirdPerson().IsMatch(next.Text))
            return true;
        if (next.Text is not ("is" or "was") || i + 2 >= tokens.Count)
            return false;
        // "Blessing is a peer", "Sunny is the one who …".
        return Predicates.Contains(tokens[i + 2].Text)
            || tokens[i + 2].Text == "the" && i + 3 < tokens.Count && tokens[i + 3].Text == "one";
    }

    /// <summary>"a blessing", "no faith", "wie ein Wolf", "beim Schneider": after a determiner a word is a thing.</summary>
    public static bool AfterDeterminer(RecognitionInput input, int i)
    {
        if (i == 0)
            return false;
        var before = input.Tokens[i - 1];
        return Determiners.Contains(before.Text)
            && input.Text.AsSpan(before.End, input.Tokens[i].Start - before.End).IsWhiteSpace();
    }

    /// <summary>A Kiswahili verb with a third-person singular subject: a-li-, a-na-, a-ta-, a-me-, a-ka-.</summary>
    [GeneratedRegex(@"^a(?:li|na|ta|me|ka)\p{L}{2,}$")]
    private static partial Regex SwahiliThirdPerson();
}
