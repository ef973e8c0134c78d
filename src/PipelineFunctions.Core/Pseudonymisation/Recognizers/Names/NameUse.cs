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
    static readonly HashSet<string> PeopleVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "asked", "asks", "came", "comes", "went", "goes", "will", "would", "called", "calls", "helped", "helps",
        "brought", "brings", "gave", "gives", "and", "also", "always", "never", "has", "had", "wants", "wanted", "thinks", "thought", "knows", "knew",
        "sagt", "sagte", "meinte", "hat", "kam", "ist", "anasema", "alisema", "alikuja", "amesema",
    };

    static readonly HashSet<string> Predicates = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "my", "our", "her", "his", "one" };

    public static bool IsWordName(string normalised) => WordLists.WordNames.Contains(normalised);

    public static bool AsName(RecognitionInput input, int i)
    {
        var tokens = input.Tokens;
        var t = tokens[i];
        if (input.IsSpeaker) return true;
        if (!t.IsCapitalised) return false;
        if (!t.SentenceStart || IdentifierText.StripPossessive(t.Text).Length < t.Text.Length) return true;
        if (i + 1 >= tokens.Count) return false;
        var next = tokens[i + 1];
        var gap = input.Text.AsSpan(t.End, next.Start - t.End).Trim();
        if (gap is ",") return true;
        if (gap.Length > 0) return false;
        if (next.IsCapitalised && !next.SentenceStart) return true;
        if (PeopleVerbs.Contains(next.Text) || SwahiliThirdPerson().IsMatch(next.Text)) return true;
        return next.Text is "is" or "was" && i + 2 < tokens.Count && Predicates.Contains(tokens[i + 2].Text);
    }

    /// <summary>A Kiswahili verb with a third-person singular subject: a-li-, a-na-, a-ta-, a-me-, a-ka-.</summary>
    [GeneratedRegex(@"^a(?:li|na|ta|me|ka)\p{L}{2,}$")]
    private static partial Regex SwahiliThirdPerson();
}
