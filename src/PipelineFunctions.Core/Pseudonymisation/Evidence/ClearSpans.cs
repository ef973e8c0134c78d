using System.Text.RegularExpressions;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// The words no recognizer took, looked at once more. A known given name or surname written in lower case that is no
/// ordinary word of its sentence's language, or one in a name position, is a person ("i met juma", "my cousin
/// innocent"). What could still identify someone is marked unsure for a person to check: a capitalised word no
/// dictionary of the study languages knows, a long number or a code of letters and digits.
/// </summary>
public static partial class ClearSpans
{
    public static void Promote(AnalysedText t, IReadOnlySet<string> allowed)
    {
        var added = new List<Detection>();
        for (var i = 0; i < t.Tokens.Count; i++)
        {
            var token = t.Tokens[i];
            // One capital letter may be an initial ("R. came"); other words of one or two letters hold no name.
            if (t.Covered(token) || token.Text.Length < 3 && !(token.Text.Length == 1 && token.IsCapitalised))
                continue;
            if (token.IsCapitalised)
            {
                if (Sure(t, i, allowed) is { } sure)
                {
                    added.Add(sure);
                    continue;
                }
                if (token.Text.Length < 3)
                    continue;
                // A capitalised word no study language knows, with a person cue around it ("Der Kessler meinte",
                // "Mwanaidi alikuja"), where capitals alone prove nothing (German, a sentence's start).
                if (UnknownWord(t, token, allowed) && NameCues.Around(t.Input, i, i) is { } around)
                    added.Add(
                        TokenRuns.Span(
                            t.Tokens,
                            i,
                            1,
                            "PERSON",
                            $"name:{IdentifierText.Key(token.Text)}",
                            44,
                            "cue"
                        ) with
                        {
                            Reason = $"unknown-word-with-{around}",
                        }
                    );
                continue;
            }
            var key = IdentifierText.Key(token.Text);
            var language = t.Input.LanguageAt(token.Start);
            if (!WordLists.Names.Contains(key) && !NameUse.IsWordName(key))
            {
                // A lower-case word its sentence's language does not know, after a title or kinship word ("my cousin kato",
                // "my neighbour kibonge" in English though Kiswahili has the word): a name.
                if (WordLists.FunctionWords.ContainsKey(key) || !SpanScorer.CouldBeName(key, allowed))
                    continue;
                var around = NameCues.Around(t.Input, i, i);
                if (!Lexicons.IsOrdinary(key, language) && around is "kinship" or "title")
                    added.Add(
                        TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "lower-case-name") with
                        {
                            Reason = "lower-case-word-after-cue",
                        }
                    );
                // "peter said": a given name in lower case before what people do, though also a word; a person checks.
                else if (around is "person-verb" && Lexicons.PeopleNames.Contains(key))
                    t.Unsure.Add(
                        (token.Start, IdentifierText.StripPossessive(token.Text).Length, "lower-case-name-or-word")
                    );
                continue;
            }
            var ordinary =
                NameUse.IsWordName(key) || Lexicons.IsOrdinary(key, language) || Lexicons.IsOrdinary(key, null);
            var cue = NameCues.Around(t.Input, i, i);
            if (ordinary && cue is not ("kinship" or "title" or "greeting"))
                continue;
            added.Add(
                TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "lower-case-name") with
                {
                    Reason = ordinary ? $"lower-case-name-{cue}" : "lower-case-known-name",
                }
            );
        }
        if (added.Count > 0)
            t.Detections = [.. t.Detections.Concat(added).OrderBy(d => d.Start)];
    }

    /// <summary>
    /// A capitalised word no dictionary of the study languages knows (Kiswahili verbs read with their prefixes), where
    /// the capitalised-word recognizer does not look: at a sentence's start (an answer "Manzese, near the market"), or
    /// inside a German sentence when it reads as a name (a given name of the gazetteers, its pet form, a double name)
    /// or as a place (-berg, -ingen, -au). Initials with a dot inside a sentence ("J.M.", "R. fought", "Herr M.").
    /// </summary>
    static Detection? Sure(AnalysedText t, int i, IReadOnlySet<string> allowed)
    {
        var token = t.Tokens[i];
        if (Initials(t, i) is not null && SureInitials(t, i))
            return TokenRuns.Span(
                t.Tokens,
                i,
                1,
                "PERSON",
                $"name:{IdentifierText.Key(token.Text)}",
                44,
                "initials"
            ) with
            {
                Reason = "initials",
            };
        if (Acronym(t, i, allowed) is { } acronym)
            return TokenRuns.Span(
                t.Tokens,
                i,
                1,
                "HOSPITAL",
                $"name:{IdentifierText.Key(token.Text)}",
                44,
                "acronym"
            ) with
            {
                Reason = acronym,
            };
        if (!UnknownWord(t, token, allowed) || SpanScorer.InPublicPhrase(t.Input, i, i) is not null)
            return null;
        var key = IdentifierText.Key(token.Text);
        if (token.SentenceStart)
            return TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "unknown-word") with
            {
                Reason = "unknown-word-at-sentence-start",
            };
        if (t.Input.LanguageAt(token.Start) is not "de")
            return null;
        // "die Steffi", "der Basti": a word no dictionary knows with a pet name's -i after an article is a person.
        var petAfterArticle =
            i > 0 && GermanArticles.Contains(t.Tokens[i - 1].Text) && key.Length > 3 && key[^1] is 'i' or 'y';
        if (petAfterArticle || NameLike(token.Text))
            return TokenRuns.Span(t.Tokens, i, 1, "PERSON", $"name:{key}", 44, "unknown-word") with
            {
                Reason = "given-name-de",
            };
        if (GermanWords.HasPlaceEnding(IdentifierText.StripPossessive(token.Text)))
            return TokenRuns.Span(t.Tokens, i, 1, "PLACE", $"name:{key}", 44, "unknown-word") with
            {
                Reason = "place-ending-de",
            };
        return null;
    }

    static readonly IReadOnlySet<string> PlaceWords = WordLists.Cues("place-before");
    static readonly IReadOnlySet<string> GermanArticles = WordLists.Cues("german-article");

    /// <summary>
    /// An acronym in capitals that no list knows as a term and that names a facility: by its ending (KNH, TTSH, MNRH:
    /// "…Hospital", KCMC: "…Medical Centre"), or where one is gone to or stayed at ("moved me to MNRH", "nililazwa MNH").
    /// </summary>
    static string? Acronym(AnalysedText t, int i, IReadOnlySet<string> allowed)
    {
        var text = t.Tokens[i].Text;
        if (text.Length is < 3 or > 6 || !text.All(char.IsAsciiLetterUpper))
            return null;
        var key = text.ToLowerInvariant();
        if (
            !SpanScorer.CouldBeName(key, allowed)
            || WordLists.English.Contains(key)
            || Lexicons.MedicalWords.Contains(key)
            || SpanScorer.InPublicPhrase(t.Input, i, i) is not null
        )
            return null;
        if (text.EndsWith('H') || text.EndsWith("MC", StringComparison.Ordinal))
            return "hospital-acronym";
        var before = i > 0 ? t.Tokens[i - 1].Text : "";
        return PlaceWords.Contains(before) || SwahiliVerbs.Is(IdentifierText.Key(before))
            ? "acronym-after-place-word"
            : null;
    }

    /// <summary>A given name of the lists, its pet form (Wolfi, Gretl, Maxi) or a double name (Karl-Heinz).</summary>
    static bool NameLike(string text)
    {
        var word = IdentifierText.StripPossessive(text);
        if (word.Contains('-'))
            return word.Split('-').All(p => p.Length > 1 && NameLike(p));
        var key = IdentifierText.Key(word);
        if (NameCues.IsGivenName(key) || Lexicons.PeopleNames.Contains(key))
            return true;
        foreach (var pet in PetEndings)
            if (key.Length > pet.Length + 2 && key.EndsWith(pet, StringComparison.Ordinal))
            {
                // "Jungs" is no pet form of Jung: a stem that is a German word is that word's form.
                var stem = key[..^pet.Length];
                if (Lexicons.IsOrdinary(stem, "de"))
                    continue;
                if (
                    NameCues.IsGivenName(stem)
                    || Lexicons.PeopleNames.Contains(stem)
                    || Lexicons.PeopleNames.Contains(stem + "e")
                    || Lexicons.PeopleNames.Contains(stem + "a")
                )
                    return true;
            }
        return false;
    }

    static readonly string[] PetEndings = ["i", "l", "le", "el", "erl", "chen", "y", "ie", "s"];

    /// <summary>A run of initials, one after a title ("Herr M."), or one the sentence goes on after ("R. fought").</summary>
    static bool SureInitials(AnalysedText t, int i)
    {
        var tokens = t.Tokens;
        bool Single(int k) =>
            k >= 0 && k < tokens.Count && tokens[k].Text.Length == 1 && char.IsUpper(tokens[k].Text[0]);
        if (
            Single(i + 1) && tokens[i + 1].Start <= tokens[i].End + 2
            || Single(i - 1) && tokens[i].Start <= tokens[i - 1].End + 2
        )
            return true;
        if (i > 0 && WordLists.Titles.Contains(IdentifierText.Key(tokens[i - 1].Text)))
            return true;
        return i + 1 < tokens.Count && char.IsLower(tokens[i + 1].Text[0]);
    }

    public static void MarkUnsure(AnalysedText t, IReadOnlySet<string> allowed)
    {
        NumberRuns(t);
        for (var i = 0; i < t.Tokens.Count; i++)
        {
            var token = t.Tokens[i];
            if (t.Covered(token) || t.Unsure.Any(u => token.Start < u.Start + u.Length && u.Start < token.End))
                continue;
            // A number or code of one group stays unsure: one that failed its checksum is a count or a reference.
            if (Reason(t, i, allowed) is { } reason)
                t.Unsure.Add((token.Start, IdentifierText.StripPossessive(token.Text).Length, reason));
        }
    }

    /// <summary>
    /// Numbers and codes written in groups that no recognizer took ("4471-22-09", "1007 2283 4410", "MC 734 BXY"): five
    /// digits or more, or three with letter groups in capitals, and not a time, a year or a range of years, nor money.
    /// </summary>
    static void NumberRuns(AnalysedText t)
    {
        foreach (Match m in NumberRun().Matches(t.Text))
        {
            // One group alone is a word of its own, judged as one ("long-number", "code").
            if (!m.Value.Any(c => c is ' ' or '/' or '.' or '-'))
                continue;
            var digits = m.Value.Count(char.IsDigit);
            var letters = m.Value.Count(char.IsLetter);
            if (digits < 5 && !(digits >= 3 && letters >= 2))
                continue;
            if (m.Value.Contains(':') || Years().IsMatch(m.Value) || Covered(t, m.Index, m.Index + m.Length))
                continue;
            if (Money(t, m))
                continue;
            var reason = letters > 0 ? "code-in-groups" : "number-in-groups";
            // Seven digits or more in groups (a record, a landline, an account), or digits with letter groups (a plate,
            // a file code), identify; a free helpline (0800 …, 1800 …, 116 …) and a shorter group are for a person.
            // A national ID's shape that failed its checksum (12 digits as 4-4-4) is a reference or a count: unsure.
            if (
                letters == 0
                    ? digits >= 7 && !TollFree().IsMatch(m.Value) && !IdShape().IsMatch(m.Value)
                    : digits >= 3 && !HasWord(m.Value)
            )
                Replace(t, m.Index, m.Length, reason);
            else
                t.Unsure.Add((m.Index, m.Length, reason));
        }
    }

    static void Replace(AnalysedText t, int start, int length, string reason)
    {
        var i = t.Detections.FindIndex(d => d.Start > start);
        t.Detections.Insert(
            i < 0 ? t.Detections.Count : i,
            new Detection(start, length, IdentifierKinds.Id, "", 44, "number-run") { Reason = reason }
        );
    }

    /// <summary>Whether a code holds a word of three letters or more of a study language ("450-Euro-Basis"), or a unit
    /// after its digits ("125cc", "500mg"): an amount, not an identifier.</summary>
    static bool HasWord(string code)
    {
        var parts = Regex.Split(code, @"[^\p{L}]+").Where(p => p.Length > 0).ToList();
        if (parts.Any(p => MoneyWords.Contains(p) || p.Length >= 3 && Lexicons.IsOrdinary(p.ToLowerInvariant(), null)))
            return true;
        return Regex.IsMatch(code, @"^\d+(?:[.,]\d+)?\s?\p{Ll}{1,3}$");
    }

    [GeneratedRegex(@"^\d{4}[ -]\d{4}[ -]\d{4}$")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^(?:\+?\d{1,3}[ -])?(?:0?800|0808|0801|1[ -]?800|116|1-?8\d\d)(?:\D|$)")]
    private static partial Regex TollFree();

    static bool Covered(AnalysedText t, int start, int end) =>
        t.Detections.Any(d => start < d.End && d.Start < end)
        || t.Unsure.Any(u => start < u.Start + u.Length && u.Start < end);

    static bool Money(AnalysedText t, Match m)
    {
        var before = t.Text[..m.Index].TrimEnd();
        var after = t.Text[(m.Index + m.Length)..].TrimStart();
        if (before.Length > 0 && before[^1] is '$' or '€' or '£' or '₹' or '₪')
            return true;
        var next = after.Length == 0 ? "" : new string(after.TakeWhile(char.IsLetter).ToArray());
        var previous = new string(before.Reverse().TakeWhile(char.IsLetter).Reverse().ToArray());
        return after.StartsWith("/=", StringComparison.Ordinal)
            || MoneyWords.Contains(next)
            || MoneyWords.Contains(previous);
    }

    static readonly IReadOnlySet<string> MoneyWords = WordLists.Cues("money");

    [GeneratedRegex(
        @"(?<![\w./-])(?:[A-Z]{1,4}[ -])?\d+(?:[ /.:-]\d+)*(?:[ -][A-Z]{1,4})?(?![\w]|[./-]\w)",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}(?:\s*[-/]\s*(?:(?:19|20)?\d{2}))?)$")]
    private static partial Regex Years();

    static string? Reason(AnalysedText t, int i, IReadOnlySet<string> allowed)
    {
        var token = t.Tokens[i];
        var text = token.Text;
        if (Initials(t, i) is { } initials)
            return initials;
        // "Precious is the eldest": a given name that is also a word, at a sentence's start, where a capital tells nothing.
        if (
            token.IsCapitalised
            && token.SentenceStart
            && NameUse.IsWordName(IdentifierText.Key(text))
            && !NameUse.AfterDeterminer(t.Input, i)
        )
            return "name-or-word";
        var digits = text.Count(char.IsDigit);
        if (digits > 0)
        {
            var letters = text.Count(char.IsLetter);
            if (letters == 0)
                return digits >= 5 ? "long-number" : null;
            return
                digits >= 2
                && letters >= 1
                && text.Length >= 5
                && SpanScorer.PublicCategory(IdentifierText.Normalise(text), []) is null
                ? "code"
                : null;
        }
        if (!UnknownWord(t, token, allowed))
            return NameShapedAfterArticle(t, i, allowed) ? "listed-name-shape-after-article" : null;
        return token.SentenceStart ? "unknown-word-at-sentence-start"
            : t.Input.LanguageAt(token.Start) is "de" ? "unknown-capitalised-word-de"
            : "unknown-capitalised-word";
    }

    /// <summary>
    /// "Der Detlef hat angefangen", "die Hanne kommt": the German dictionary lists many given names among its nouns,
    /// with no form but the genitive -s (Detlef, Detlefs) where a noun has a plural or an -es. After a German article
    /// inside a sentence such a short word is for a person to check.
    /// </summary>
    static bool NameShapedAfterArticle(AnalysedText t, int i, IReadOnlySet<string> allowed)
    {
        var token = t.Tokens[i];
        if (
            !token.IsCapitalised
            || token.SentenceStart
            || i == 0
            || token.Text.Length is < 4 or > 8
            || !GermanArticles.Contains(t.Tokens[i - 1].Text)
            || t.Input.LanguageAt(token.Start) is not "de"
        )
            return false;
        var key = IdentifierText.Key(token.Text);
        var nouns = Lexicons.GermanWords;
        return nouns.Contains(key)
            && nouns.Contains(key + "s")
            && !new[] { "es", "e", "en", "n", "er", "ern", "nen" }.Any(e => nouns.Contains(key + e))
            && !WordLists.English.Contains(key)
            && SpanScorer.CouldBeName(key, allowed);
    }

    /// <summary>"J.M.", "S.K. sir", "R. fought": capital letters with their dots inside a sentence are a person's initials.</summary>
    static string? Initials(AnalysedText t, int i)
    {
        var token = t.Tokens[i];
        if (
            token.Text.Length != 1
            || !char.IsUpper(token.Text[0])
            || token.Text is "I" or "A"
            || token.End >= t.Text.Length
            || t.Text[token.End] != '.'
        )
            return null;
        // At a sentence's start only a run of two ("J.M.") says so: "A." or "B." may number a list.
        var run = i + 1 < t.Tokens.Count && t.Tokens[i + 1].Start == token.End + 1 && t.Tokens[i + 1].Text.Length == 1;
        return token.SentenceStart && !run && (i == 0 || t.Tokens[i - 1].Text.Length != 1) ? null : "initials";
    }

    /// <summary>A capitalised word that could be a name and that no dictionary of the study languages knows.</summary>
    static bool UnknownWord(AnalysedText t, Token token, IReadOnlySet<string> allowed)
    {
        var text = token.Text;
        if (
            !token.IsCapitalised
            || text.Length < 3
            || text.Any(char.IsDigit)
            || text.Length <= 5 && text.All(char.IsUpper)
        )
            return false;
        var key = IdentifierText.Key(text);
        if (
            !SpanScorer.CouldBeName(key, allowed)
            || Lexicons.Population(key) >= 100_000
            || WordLists.FunctionWords.ContainsKey(key)
        )
            return false;
        var language = t.Input.LanguageAt(token.Start);
        return !Lexicons.IsOrdinary(key, language)
            && !Lexicons.IsOrdinary(key, null)
            && !GermanWords.IsNoun(text, key, german: language is "de")
            && !(language is "de" && GermanWords.IsCompound(text) && !Lexicons.IsPersonName(key));
    }
}
