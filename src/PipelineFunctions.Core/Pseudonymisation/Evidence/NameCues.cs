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
    static readonly IReadOnlySet<string> Kin = WordLists.Cues("kin");
    static readonly IReadOnlySet<string> Possessives = WordLists.Cues("possessive");
    static readonly IReadOnlySet<string> SwahiliPossessives = WordLists.Cues("sw-possessive");
    static readonly IReadOnlySet<string> PersonVerbs = WordLists.Cues("person-verb");
    static readonly IReadOnlySet<string> Greetings = WordLists.Cues("greeting");

    /// <summary>A given name of the lists (names, nicknames and the names they shorten): Bill, Will, Rose, Neema.</summary>
    public static bool IsGivenName(string normalised) =>
        WordLists.Names.Contains(normalised)
        || WordLists.Nicknames.ContainsKey(normalised)
        || ShortForms.Value.Contains(normalised);

    static readonly Lazy<HashSet<string>> ShortForms = new(() =>
        WordLists.Nicknames.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal)
    );

    /// <summary>The kind of cue around the tokens <paramref name="first"/>..<paramref name="last"/>, or null when none.</summary>
    public static string? Around(RecognitionInput input, int first, int last)
    {
        var t = input.Tokens;
        if (first > 0 && Joined(input, first - 1, first))
        {
            var before = t[first - 1].Text;
            if (WordLists.Titles.Contains(IdentifierText.Key(before)))
                return "title";
            if (Kin.Contains(before) && first > 1 && Possessives.Contains(t[first - 2].Text))
                return "kinship";
            if (Greetings.Contains(before))
                return "greeting";
            if (SwahiliPossessives.Contains(before) && first > 1 && Kin.Contains(t[first - 2].Text))
                return "kinship";
        }
        if (last + 1 < t.Count)
        {
            var gap = input.Text.AsSpan(t[last].End, t[last + 1].Start - t[last].End).Trim();
            var next = t[last + 1].Text;
            if (gap.Length == 0 && (PersonVerbs.Contains(next) || SwahiliThirdPerson().IsMatch(next)))
                return "person-verb";
            // "Innocent, my cousin, …": the name, then who the person is.
            if (
                gap is ","
                && (
                    Kin.Contains(next)
                    || last + 2 < t.Count && Possessives.Contains(next) && Kin.Contains(t[last + 2].Text)
                )
            )
                return "apposition";
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
