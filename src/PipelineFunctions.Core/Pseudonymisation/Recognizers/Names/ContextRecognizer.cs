using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// Names told by their context: <c>my name is X</c> (titles are <see cref="TitleRecognizer"/>'s),
/// relations (<c>my cousin X</c>); facilities (<c>X Hospital</c>, <c>X Health Centre</c>, <c>hospitali ya X</c>,
/// <c>Klinikum X</c>); places after <c>from/in/at/near</c> (and their Kiswahili and German forms; "In" opening a
/// sentence too, and every person and tense of Kiswahili "toka", to come from: "wanatoka", "nilitoka").
/// </summary>
public sealed partial class ContextRecognizer(IReadOnlySet<string> allowed) : IRecognizer
{
    // A word ends where letters end: "in S4" (a school class) holds no name.
    const string Word = @"\p{Lu}[\p{L}\p{Mn}'’-]*(?![\p{L}\p{N}])";
    const string Words = Word + @"(?:[ \t\n]+" + Word + "){0,2}";

    public string Name => "context";

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        foreach (Match m in Person().Matches(input.Text))
            if (Take(m.Groups["name"]) is { } g)
                yield return Detect(g, "PERSON", 70, input.Text);
        foreach (Match m in Facility().Matches(input.Text))
            if (Take(m.Groups["name"]) is not null)
                yield return Detect(m.Groups["whole"], "HOSPITAL", 72, input.Text);
        foreach (Match m in FacilityBefore().Matches(input.Text))
            if (Take(m.Groups["name"]) is { } g)
                yield return Detect(g, "HOSPITAL", 72, input.Text);
        foreach (Match m in Organisation().Matches(input.Text))
            if (Take(m.Groups["name"]) is { } g && g.Value.Split([' ', '\t', '\n']).Any(Unusual))
                yield return Detect(g, IdentifierKinds.Organisation, 66, input.Text);
        foreach (Match m in Place().Matches(input.Text))
            if (Take(m.Groups["name"]) is { } g)
                yield return Detect(g, "PLACE", 65, input.Text);
    }

    /// <summary>The name's words, less any common or allowed word at its end; null when nothing is left.</summary>
    Group? Take(Group name)
    {
        var words = name.Value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => IsOrdinary(w)) ? null : name;
    }

    /// <summary>A word no English dictionary nor public list knows: a local group's own name ("Tumaini", "Lichtblick").</summary>
    static bool Unusual(string word)
    {
        var key = IdentifierText.Normalise(word);
        return key.Length > 2 && !WordLists.English.Contains(key) && !Evidence.Lexicons.Public.ContainsKey(key);
    }

    bool IsOrdinary(string word)
    {
        var key = IdentifierText.Normalise(word);
        return WordLists.Common.Contains(key) || allowed.Contains(key) || GermanWords.IsNoun(word, key, german: false);
    }

    Detection Detect(Group g, string kind, int priority, string text)
    {
        // Trim ordinary words off the end ("Okello Hospital" keeps its suffix; "Dr Okello Today" loses "Today").
        // and ordinary words off the front ("The Nsambya Health Centre" starts at "Nsambya").
        var words = Regex.Matches(g.Value, @"\S+").ToList();
        var first = 0;
        while (first < words.Count - 1 && IsOrdinary(words[first].Value))
            first++;
        var end = words.Count;
        if (kind != "HOSPITAL")
            while (end > first + 1 && IsOrdinary(words[end - 1].Value))
                end--;
        var start = words[first].Index;
        var value = IdentifierText.StripPossessive(
            g.Value[start..(words[end - 1].Index + words[end - 1].Length)].TrimEnd('.', ',')
        );
        return new Detection(
            g.Index + start,
            value.Length,
            kind,
            $"name:{IdentifierText.Normalise(NameOf(value, kind))}",
            priority,
            Name
        );
    }

    /// <summary>A hospital's identity is its name without the facility word, so "Butabika" and "Butabika Hospital" agree.</summary>
    static string NameOf(string value, string kind) =>
        kind == "HOSPITAL" ? FacilityWord().Replace(value, "").Trim() : value;

    [GeneratedRegex(
        @"(?:\b(?:[Mm]y name is|I am called|I'm called|[Cc]all me|known as|[Jj]ina langu ni|[Ii]ch heiße|[Mm]ein Name ist)\s+|\b[Mm]y\s+(?:cousin|brother|sister|friend|neighbou?r|husband|wife|son|daughter|mother|father|uncle|aunt|auntie|boss|supervisor|colleague|partner|doctor|nurse|counsell?or|pastor|mentor|girlfriend|boyfriend|grandmother|grandfather|child)(?:'s)?\s+)(?<name>"
            + Words
            + ")"
    )]
    private static partial Regex Person();

    [GeneratedRegex(
        @"(?<whole>(?<name>"
            + Words
            + @")[ \t\n]+(?:Referral Hospital|Mental Hospital|Psychiatric Hospital|Regional Hospital|District Hospital|Hospital|Health Centre|Health Center|Medical Centre|Medical Center|Clinic|Ward|Centre|Center|Dispensary|Klinikum|Klinik|Krankenhaus)\b)"
    )]
    private static partial Regex Facility();

    [GeneratedRegex(
        @"\b(?:[Hh]ospitali|[Kk]liniki|[Zz]ahanati|[Ww]odi|[Kk]ituo cha afya)\s+(?:ya|cha|la)\s+(?<name>"
            + Words
            + @")|\b(?:Klinikum|Krankenhaus|Klinik)\s+(?<name>"
            + Words
            + ")"
    )]
    private static partial Regex FacilityBefore();

    /// <summary>
    /// Local groups and associations by the word that says what they are: before it ("Tumaini Women Group", "Kawempe
    /// Youth Association", "Lichtblick e.V."), after it ("Selbsthilfegruppe Lichtblick", "kikundi cha Upendo"), or
    /// "a group called X".
    /// </summary>
    [GeneratedRegex(
        @"(?<name>"
            + Words
            + @")[ \t]+(?:(?:Support|Women|Women's|Youth|Peer|Self-Help|Savings)[ \t]+)?(?:Group|Association|Foundation|Initiative|Network|Society|Trust|Ministries|Fellowship|CBO|SACCO|Sacco|Cooperative|Verein|Stiftung|e\.\s?V\.)(?![\p{L}])"
            + @"|\b(?:Selbsthilfegruppe|Verein|Stiftung|Initiative|Kontaktstelle|Begegnungsstätte|[Kk]ikundi cha|[Cc]hama cha|[Ss]hirika la|[Tt]aasisi ya)[ \t]+[„""]?(?<name>"
            + Words
            + @")|\b(?:group|organi[sz]ation|association|club|NGO|CBO|church|project|programme|program|initiative)[ \t]+(?:called|named|known as)[ \t]+(?<name>"
            + Words
            + ")"
    )]
    private static partial Regex Organisation();

    [GeneratedRegex(
        @"\b(?:from|[Ii]n|at|near|village of|town of|district of|[Kk]utoka|"
            + @"\p{Ll}{1,3}(?:na|li|ta|me)toka|huko|katika|kijiji cha|wilaya ya|aus|nach|bei)\s+(?<name>"
            + Words
            + ")"
    )]
    private static partial Regex Place();

    [GeneratedRegex(
        @"\b(?:Referral|Mental|Psychiatric|Regional|District|Hospital|Health|Centre|Center|Medical|Clinic|Ward|Dispensary|Klinikum|Klinik|Krankenhaus)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex FacilityWord();
}
