using PipelineFunctions.Core.Pseudonymisation.Recognizers;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// Decides each candidate name or place that a word-based recognizer proposed, from the evidence of the span and its
/// neighbours rather than a list of cases: a public entity (country, nationality, day, month, greeting, religious
/// phrase, service, brand, diagnosis, institution, programme, medicine) or a city above the study's population stays;
/// a word that is ordinary in its sentence's language stays unless the words around it make it a person (then it is
/// unsure when nothing but its capital says so); everything else the recognizer proposed goes. Structured identifiers
/// and the roster are sure and never judged here.
/// </summary>
public static class SpanScorer
{
    static readonly HashSet<string> Judged = new(StringComparer.Ordinal)
    {
        "capitalised",
        "name-list",
        "gazetteer",
        "german-name",
        "context",
        "title",
    };

    /// <summary>Endings only medicines have (olanzapine, lorazepam, sertralin, quetiapin, risperidone, omeprazole).</summary>
    static readonly string[] MedicineEndings =
    [
        "apine",
        "apin",
        "azepam",
        "azolam",
        "oxetine",
        "oxetin",
        "aline",
        "alin",
        "idone",
        "idon",
        "iprazole",
        "prazol",
        "triptyline",
        "tryptilin",
        "ipramine",
        "ipramin",
        "azine",
        "azin",
        "peridol",
        "pramine",
        "afaxine",
        "afaxin",
        "azapine",
        "azapin",
        "mazepine",
        "mazepin",
        "proate",
        "trigine",
        "trigin",
        "pril",
        "sartan",
        "statin",
        "cillin",
        "mycin",
        "floxacin",
        "profen",
        "olol",
        "dipine",
        "tidine",
        "vudine",
        "virenz",
        "tegravir",
    ];

    static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "every",
    };

    public static bool IsJudged(Detection d) =>
        d.Priority < 100 && Judged.Contains(d.Recognizer) && d.Kind is "PERSON" or "PLACE";

    public static Judgement Judge(RecognitionInput input, Detection d, int first, int last, StudyPseudonymisation study)
    {
        var tokens = input.Tokens;
        var words = new string[last - first + 1];
        for (var i = first; i <= last; i++)
            words[i - first] = IdentifierText.Key(tokens[i].Text);
        var key = IdentifierText.Normalise(input.Text.Substring(d.Start, d.Length));
        var language = input.LanguageAt(d.Start);
        var cue = NameCues.Around(input, first, last);
        // A title, "my name is", "my cousin", or a German person cue ("hieß", "mit") before it already says "person".
        var explicitCue = d.Recognizer is "title" or "german-name" || (d.Recognizer is "context" && d.Kind == "PERSON");

        if ((PublicCategory(key, words) ?? InPublicPhrase(input, first, last)) is { } category)
            return cue is null || explicitCue && category is "religious"
                ? Judgement.Keep($"public:{category}")
                : Judgement.Unsure($"public-{category}-with-person-cue");
        if (Lexicons.Population(key) is var population && population >= study.LargePlacePopulation && !explicitCue)
            return Judgement.Keep("public:large-city");
        if (explicitCue)
            return Judgement.Replace(d.Recognizer == "title" ? "title-cue" : "person-context");
        if (words.All(w => IsMedicine(w) && !WordLists.Names.Contains(w)))
            return cue is null ? Judgement.Keep("public:medicine") : Judgement.Unsure("medicine-with-person-cue");
        if (d.Kind == "PLACE")
            return Judgement.Replace(population > 0 ? "small-city" : "place");

        var known = words.Any(WordLists.Names.Contains);
        // At a sentence start a word of any study language is ordinary: the sentence's language may be misjudged when short.
        var ordinary = words.All(w =>
            Lexicons.IsOrdinary(w, language)
            || WordLists.Common.Contains(w)
            || tokens[first].SentenceStart && Lexicons.IsOrdinary(w, null)
        );
        // "the Kopitiam", "a Tecno": a name seldom follows an article; a word no list knows there is a thing, to check.
        if (
            !ordinary
            && !known
            && cue is null
            && d.Recognizer == "capitalised"
            && first > 0
            && Articles.Contains(tokens[first - 1].Text)
            && input.Text.AsSpan(tokens[first - 1].End, tokens[first].Start - tokens[first - 1].End).IsWhiteSpace()
        )
            return Judgement.Unsure("unknown-word-after-article");
        if (!ordinary)
            return Judgement.Replace(known ? "known-name" : "unknown-capitalised-word");
        if (cue is not null)
            return Judgement.Replace($"ordinary-word-with-{cue}");
        // An ordinary word of the sentence's language, capitalised: a name only if more than its capital says so.
        if (known && !tokens[first].SentenceStart && language is not "de")
            return Judgement.Replace("known-name-capitalised");
        return tokens[first].SentenceStart || language is "de" && !known
            ? Judgement.Keep("ordinary-word")
            : Judgement.Unsure("ordinary-word-capitalised");
    }

    /// <summary>The span as a whole, or every word of it, a public term: its category (country, day, service …).</summary>
    public static string? PublicCategory(string key, IReadOnlyList<string> words)
    {
        if (Lexicons.Public.TryGetValue(key, out var category))
            return category;
        if (words.Count < 2)
            return null;
        string? first = null;
        foreach (var w in words)
        {
            if (!Lexicons.Public.TryGetValue(w, out var c))
                return null;
            first ??= c;
        }
        return first;
    }

    /// <summary>The category of a public phrase of several words that holds the span ("Baruch" in "Baruch Hashem"), or null.</summary>
    public static string? InPublicPhrase(RecognitionInput input, int first, int last)
    {
        var tokens = input.Tokens;
        var longest = Lexicons.LongestPublicTerm;
        for (var start = Math.Max(0, last - longest + 1); start <= first; start++)
        for (var end = Math.Min(tokens.Count - 1, start + longest - 1); end >= last && end > start; end--)
        {
            if (
                input.Text.AsSpan(tokens[start].Start, tokens[end].End - tokens[start].Start).IndexOfAny(".,;:?!()\"")
                >= 0
            )
                continue;
            var phrase = IdentifierText.Normalise(input.Text[tokens[start].Start..tokens[end].End]);
            if (Lexicons.Public.TryGetValue(phrase, out var category))
                return category;
        }
        return null;
    }

    /// <summary>A medicine (or diagnosis): on the medical list (short Latin words there, "tendo", are names too often), or with a medicine's ending.</summary>
    public static bool IsMedicine(string normalised) =>
        normalised.Length > 5
        && (
            Lexicons.MedicalWords.Contains(normalised)
            || MedicineEndings.Any(e => normalised.EndsWith(e, StringComparison.Ordinal))
        );

    /// <summary>Whether a capitalised word could be a name at all: not a title, a common word, a public term or an allowed one.</summary>
    public static bool CouldBeName(string normalised, IReadOnlySet<string> allowed) =>
        !WordLists.Common.Contains(normalised)
        && !WordLists.Titles.Contains(normalised)
        && !WordLists.TitleNouns.Contains(normalised)
        && !allowed.Contains(normalised)
        && !Lexicons.Public.ContainsKey(normalised)
        && !IsMedicine(normalised);
}
