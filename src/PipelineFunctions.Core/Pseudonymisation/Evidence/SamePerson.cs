using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>
/// A transcript is one text: once a word is a person's name somewhere in it, its other occurrences where a name can
/// stand are that person too ("Herrn Kessler" … "Der Kessler meinte"); a capitalised word right beside a name is part
/// of it ("Bill" before a replaced surname); neighbouring name words are one span and one pseudonym.
/// </summary>
public static class SamePerson
{
    const int Priority = 46;

    public static void Apply(IReadOnlyList<AnalysedText> texts, IReadOnlySet<string> allowed)
    {
        // Names joined first ("Kizito" before "Emmanuel"), so each of their words is known when other occurrences are read.
        foreach (var t in texts)
            Extend(t, allowed);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in texts)
        foreach (var d in t.Detections.Where(d => d.Kind == "PERSON"))
        {
            var (first, last) = t.TokenRange(d.Start, d.End);
            for (var i = first; i >= 0 && i <= last; i++)
            {
                var key = IdentifierText.Key(t.Tokens[i].Text);
                // An initial ("R.") is a name word too, where it stands with its dot again.
                if ((key.Length > 1 || d.Recognizer == "initials") && SpanScorer.CouldBeName(key, allowed))
                    names.TryAdd(key, d.Identity);
            }
        }
        // Short forms by their first letters ("Max", "Maxi" of "Maximilian"), looked up once per word.
        var shortForms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, person) in names)
            if (name.All(char.IsLetter))
                for (var n = 3; n <= name.Length - 2; n++)
                    shortForms.TryAdd(name[..n], person);
        foreach (var t in texts)
        {
            if (names.Count > 0)
                AddOccurrences(t, names, shortForms, allowed);
            Extend(t, allowed);
            t.Detections = Merge(t.Text, t.Detections);
        }
    }

    static void AddOccurrences(
        AnalysedText t,
        Dictionary<string, string> names,
        Dictionary<string, string> shortForms,
        IReadOnlySet<string> allowed
    )
    {
        var added = new List<Detection>();
        for (var i = 0; i < t.Tokens.Count; i++)
        {
            var token = t.Tokens[i];
            var key = IdentifierText.Key(token.Text);
            if (key.Length == 1 && (token.End >= t.Text.Length || t.Text[token.End] != '.' || !token.IsCapitalised))
                continue;
            if (t.Covered(token) || Identity(names, shortForms, key, token, allowed) is not var (identity, exact))
                continue;
            // A genitive or short form of a name here ("Maximilians", "Max") is that name: no word reads so by chance.
            if (!exact)
            {
                added.Add(
                    TokenRuns.Span(t.Tokens, i, 1, "PERSON", identity, Priority, "same-person") with
                    {
                        Reason = "same-person-form",
                    }
                );
                continue;
            }
            // "ASHA" (a health worker) where an Asha is a person: an acronym in capitals is a term.
            if (token.Text.Length is > 2 and < 5 && token.Text.All(char.IsUpper) && !t.InSpeaker)
                continue;
            // A name that is also a word ("Grace", "Hope", "juma") is the person only where it acts as a name.
            var word = NameUse.IsWordName(key) || Lexicons.IsOrdinary(key, t.Input.LanguageAt(token.Start));
            if (!token.IsCapitalised && (word || NameUse.AfterDeterminer(t.Input, i)))
                continue;
            if (word && !NameUse.AsName(t.Input, i) && NameCues.Around(t.Input, i, i) is null)
            {
                // "Hope kept coming" where a Hope is a person here: at a sentence's start nothing tells; a person checks.
                // Once a person here, the same capitalised word at a sentence's start is that person ("Hope kept
                // coming" after "a nurse called Hope"): a word there mostly has no capital to share.
                if (!token.SentenceStart || NameUse.AfterDeterminer(t.Input, i))
                    continue;
                // In Kiswahili and German the word's own use opens sentences too ("Imani yako", "Ehrlich gesagt").
                if (t.Input.LanguageAt(token.Start) is "sw" or "de")
                {
                    t.Unsure.Add((token.Start, IdentifierText.StripPossessive(token.Text).Length, "same-name-as-word"));
                    continue;
                }
                added.Add(
                    TokenRuns.Span(t.Tokens, i, 1, "PERSON", identity, Priority, "same-person") with
                    {
                        Reason = "same-name-at-sentence-start",
                    }
                );
                continue;
            }
            added.Add(
                TokenRuns.Span(t.Tokens, i, 1, "PERSON", identity, Priority, "same-person") with
                {
                    Reason = "same-person",
                }
            );
        }
        if (added.Count > 0)
            t.Detections = [.. t.Detections.Concat(added).OrderBy(d => d.Start)];
    }

    /// <summary>
    /// The person a word is: a name word of the transcript, its German or English genitive without an apostrophe
    /// ("Annas", "Maximilians"), or, capitalised inside a sentence, its short form ("Max" of "Maximilian", "Maxi").
    /// </summary>
    static (string Identity, bool Exact)? Identity(
        Dictionary<string, string> names,
        Dictionary<string, string> shortForms,
        string key,
        Token token,
        IReadOnlySet<string> allowed
    )
    {
        if (names.TryGetValue(key, out var identity))
            return (identity, true);
        if (!token.IsCapitalised || key.Length < 3 || !key.All(char.IsLetter))
            return null;
        var genitive = key.Length > 3 && key[^1] == 's' && names.TryGetValue(key[..^1], out identity);
        var stem = key.Length > 3 && key[^1] is 'i' or 'y' ? key[..^1] : key;
        if (!genitive && (token.SentenceStart || !shortForms.TryGetValue(stem, out identity)))
            return null;
        if (!SpanScorer.CouldBeName(key, allowed) || !genitive && Lexicons.GermanWords.Contains(key))
            return null;
        return (identity!, false);
    }

    /// <summary>A capitalised word (or an initial) touching a name, with only spaces or one line break between, joins it.</summary>
    static void Extend(AnalysedText t, IReadOnlySet<string> allowed)
    {
        var changed = false;
        for (var k = 0; k < t.Detections.Count; k++)
        {
            var d = t.Detections[k];
            if (d.Kind != "PERSON")
                continue;
            var (first, last) = t.TokenRange(d.Start, d.End);
            if (first < 0)
                continue;
            var start = d.Start;
            var end = d.End;
            while (first > 0 && Joins(t, first - 1, first, allowed, before: true))
            {
                first--;
                start = t.Tokens[first].Start;
            }
            while (
                last + 1 < t.Tokens.Count
                && IdentifierText.StripPossessive(t.Tokens[last].Text).Length == t.Tokens[last].Text.Length
                && Joins(t, last, last + 1, allowed, before: false)
            )
            {
                last++;
                end = TokenRuns.Span(t.Tokens, last, 1, "", "", 0, "").End;
            }
            if (start == d.Start && end == d.End)
                continue;
            changed = true;
            t.Detections[k] = d with
            {
                Start = start,
                Length = end - start,
                Identity = d.Identity.StartsWith("roster:", StringComparison.Ordinal)
                    ? d.Identity
                    : $"name:{IdentifierText.Normalise(t.Text[start..end])}",
            };
        }
        if (changed)
            t.Detections =
            [
                .. t
                    .Detections.GroupBy(d => d.Start)
                    .Select(g => g.OrderByDescending(d => d.Length).First())
                    .Where(d => !Inside(d, t.Detections)),
            ];
    }

    static bool Inside(Detection d, List<Detection> all) =>
        all.Any(o => o != d && o.Start <= d.Start && d.End <= o.End && o.Length > d.Length);

    static bool Joins(AnalysedText t, int a, int b, IReadOnlySet<string> allowed, bool before)
    {
        var gap = t.Text.AsSpan(t.Tokens[a].End, t.Tokens[b].Start - t.Tokens[a].End);
        var candidate = t.Tokens[before ? a : b];
        if (candidate.Text.Length == 1 && char.IsUpper(candidate.Text[0]) && before)
            return gap.Trim() is "." or "" && gap.Count('\n') == 0;
        if (
            gap.Trim().Length > 0
            || gap.Count('\n') > 1
            || !candidate.IsCapitalised
            || candidate.Text.Any(char.IsDigit)
        )
            return false;
        if (t.Covered(candidate))
            return false;
        var key = IdentifierText.Key(candidate.Text);
        if (
            key.Length < 2
            || !SpanScorer.CouldBeName(key, allowed)
            || SpanScorer.PublicCategory(key, [key]) is not null
        )
            return false;
        if (WordLists.FunctionWords.ContainsKey(key))
            return false;
        var language = t.Input.LanguageAt(candidate.Start);
        if (NameCues.IsGivenName(key) || WordLists.Names.Contains(key))
            return true;
        // In German every noun has a capital ("Herr Grabowski Stationsleiter"): only a listed name joins there.
        if (language is "de")
            return false;
        if (!before && t.Tokens[b].SentenceStart)
            return false;
        return !Lexicons.IsOrdinary(key, language) || (!candidate.SentenceStart && language is not "de");
    }

    /// <summary>Neighbouring person spans with only spacing between are one mention: one placeholder, not two.</summary>
    static List<Detection> Merge(string text, List<Detection> detections)
    {
        var merged = new List<Detection>(detections.Count);
        foreach (var d in detections)
        {
            if (
                merged.Count > 0
                && merged[^1] is var last
                && last.Kind == d.Kind
                && d.Start >= last.End
                && (last.Identity == d.Identity || d.Kind == "PERSON")
                && text.AsSpan(last.End, d.Start - last.End).IsWhiteSpace()
                && text.AsSpan(last.End, d.Start - last.End).Count('\n') <= 1
            )
                merged[^1] = last with
                {
                    Length = d.End - last.Start,
                    Identity =
                        last.Identity == d.Identity ? last.Identity
                        : last.Identity.StartsWith("roster:", StringComparison.Ordinal) ? last.Identity
                        : d.Identity.StartsWith("roster:", StringComparison.Ordinal) ? d.Identity
                        : $"name:{IdentifierText.Normalise(text[last.Start..d.End])}",
                };
            else
                merged.Add(d);
        }
        return merged;
    }
}
