using System.Text.RegularExpressions;
using PipelineFunctions.Core.Pseudonymisation.Recognizers;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// What the words around a token say about it being a person, in English, German and Kiswahili: a title or kinship
/// word before it ("Herrn", "my cousin", "rafiki yangu", "meine Schwester"), a verb people do after it ("said",
/// "told me", "alisema", "sagte"), being addressed ("Juma, come here"), or a greeting before it ("Hi Juma").
/// </summary>
public static partial class NameCues
{
    static readonly HashSet<string> Kin = new(StringComparer.OrdinalIgnoreCase)
    {
        "cousin", "brother", "sister", "friend", "neighbour", "neighbor", "husband", "wife", "son", "daughter", "mother", "father", "uncle",
        "aunt", "auntie", "aunty", "boss", "supervisor", "colleague", "partner", "pastor", "mentor", "girlfriend", "boyfriend", "grandmother",
        "grandfather", "grandma", "grandpa", "child", "niece", "nephew", "mum", "mom", "dad", "fiancé", "fiance", "classmate", "roommate", "flatmate",
        "Bruder", "Schwester", "Freund", "Freundin", "Nachbar", "Nachbarin", "Mann", "Frau", "Sohn", "Tochter", "Mutter", "Vater", "Onkel", "Tante",
        "Oma", "Opa", "Cousin", "Cousine", "Kollege", "Kollegin", "Chef", "Chefin", "Partner", "Partnerin", "Betreuer", "Betreuerin", "Enkel", "Enkelin",
        "kaka", "dada", "rafiki", "jirani", "mume", "mke", "mtoto", "mwana", "mama", "baba", "shangazi", "mjomba", "bibi", "babu", "binamu", "mpenzi", "mchumba",
    };

    static readonly HashSet<string> Possessives = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "our", "his", "her", "their", "your", "mein", "meine", "meinem", "meinen", "meiner", "unser", "unsere", "unserem", "unseren", "sein", "seine", "ihr", "ihre",
    };

    static readonly HashSet<string> SwahiliPossessives = new(StringComparer.OrdinalIgnoreCase) { "yangu", "wangu", "wetu", "yetu", "wake", "yake", "wako", "yako", "wao" };

    static readonly HashSet<string> PersonVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "asked", "asks", "called", "calls", "came", "comes", "went", "helped", "helps", "brought", "gave", "wants",
        "wanted", "thinks", "thought", "knows", "knew", "replied", "answered", "explained", "shouted", "laughed", "cried", "visited", "phoned",
        "texted", "messaged", "lives", "lived", "works", "worked", "died", "passed", "married", "left", "stayed", "advised", "encouraged", "insisted",
        "sagt", "sagte", "meinte", "meint", "erzählte", "erzählt", "fragte", "fragt", "kam", "rief", "ruft", "hilft", "half", "wohnt", "wohnte",
        "arbeitet", "arbeitete", "starb", "lachte", "antwortete",
        "alisema", "anasema", "amesema", "aliniambia", "ananiambia", "alikuja", "anakuja", "aliuliza", "alinisaidia", "ananisaidia", "alipiga", "alifariki",
    };

    static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "dear", "thanks", "habari", "shikamoo", "asante", "karibu", "hallo", "servus", "liebe", "lieber", "danke", "shalom", "namaste",
    };

    /// <summary>A given name of the lists (names, nicknames and the names they shorten): Bill, Will, Rose, Neema.</summary>
    public static bool IsGivenName(string normalised) =>
        WordLists.Names.Contains(normalised) || WordLists.Nicknames.ContainsKey(normalised) || ShortForms.Value.Contains(normalised);

    static readonly Lazy<HashSet<string>> ShortForms = new(() => WordLists.Nicknames.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal));

    /// <summary>The kind of cue around the tokens <paramref name="first"/>..<paramref name="last"/>, or null when none.</summary>
    public static string? Around(RecognitionInput input, int first, int last)
    {
        var t = input.Tokens;
        if (first > 0 && Joined(input, first - 1, first))
        {
            var before = t[first - 1].Text;
            if (WordLists.Titles.Contains(IdentifierText.Key(before))) return "title";
            if (Kin.Contains(before) && first > 1 && Possessives.Contains(t[first - 2].Text)) return "kinship";
            if (Greetings.Contains(before)) return "greeting";
            if (SwahiliPossessives.Contains(before) && first > 1 && Kin.Contains(t[first - 2].Text)) return "kinship";
        }
        if (last + 1 < t.Count)
        {
            var gap = input.Text.AsSpan(t[last].End, t[last + 1].Start - t[last].End).Trim();
            var next = t[last + 1].Text;
            if (gap.Length == 0 && (PersonVerbs.Contains(next) || SwahiliThirdPerson().IsMatch(next))) return "person-verb";
            // "Innocent, my cousin, …": the name, then who the person is.
            if (gap is "," && (Kin.Contains(next) || last + 2 < t.Count && Possessives.Contains(next) && Kin.Contains(t[last + 2].Text))) return "apposition";
        }
        return null;
    }

    static bool Joined(RecognitionInput input, int a, int b)
    {
        var gap = input.Text.AsSpan(input.Tokens[a].End, input.Tokens[b].Start - input.Tokens[a].End).Trim();
        return gap.Length == 0 || gap is ".";
    }

    /// <summary>A Kiswahili verb with a third-person singular subject: a-li-, a-na-, a-ta-, a-me-, a-ka-.</summary>
    [GeneratedRegex(@"^a(?:li|na|ta|me|ka)\p{L}{2,}$")]
    private static partial Regex SwahiliThirdPerson();
}
