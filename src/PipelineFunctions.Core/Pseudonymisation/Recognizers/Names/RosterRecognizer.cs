namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// The people, places and organisations a site listed: full names, aliases, and for people each part of the name
/// alone, the given name's short forms (Robert → Bob, Rob, Bobby) and initials with the surname (R. Kintu); any case,
/// with or without diacritics, possessives, across line breaks. A part that is also an ordinary word (Grace, Hope,
/// Will) counts only where it acts as a name, so "by the grace of God" stays.
/// </summary>
public sealed class RosterRecognizer : IRecognizer
{
    /// <summary>Full names and aliases outrank everything; a lone name part yields to a facility ("Tan Tock Seng Hospital").</summary>
    const int FullName = 100,
        NamePart = 71;

    readonly Dictionary<string, (string Kind, string Identity, int Priority)> _keys = new(StringComparer.Ordinal);
    readonly int _maxWords;
    readonly HashSet<string> _inCapitals = new(StringComparer.Ordinal);

    public RosterRecognizer(IReadOnlyList<RosterEntry> roster)
    {
        // Full names and aliases first, so a name part shared by two people never takes a full name's place.
        foreach (var entry in roster)
        {
            var identity = $"roster:{IdentifierText.Normalise(entry.Identifier)}";
            var kind = KindOf(entry.Category);
            foreach (var form in new[] { entry.Identifier }.Concat(entry.Aliases))
            {
                _keys.TryAdd(IdentifierText.Normalise(form), (kind, identity, FullName));
                if (form.Length > 1 && form.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                    _inCapitals.Add(IdentifierText.Normalise(form));
            }
        }
        foreach (var entry in roster.Where(e => e.Category == IdentifierCategory.Person))
        {
            var identity = $"roster:{IdentifierText.Normalise(entry.Identifier)}";
            var words = IdentifierText.Normalise(entry.Identifier).Split(' ');
            // Initials with the surname ("r kintu", "e nansubuga") are as sure as the full name.
            if (words.Length > 1)
                _keys.TryAdd($"{words[0][0]} {words[^1]}", ("PERSON", identity, FullName));
            // Each part alone, as written ("Ben-David") and word by word ("Ben", "David"), and the given name's short forms.
            var parts = entry
                .Identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(IdentifierText.Normalise)
                .Concat(words)
                .Concat(WordLists.Nicknames.GetValueOrDefault(words[0]) ?? []);
            foreach (var part in parts.Where(p => p.Length > 1 && !WordLists.Common.Contains(p)))
                _keys.TryAdd(part, ("PERSON", identity, NamePart));
        }
        _maxWords = _keys.Count == 0 ? 0 : _keys.Keys.Max(k => k.Split(' ').Length);
    }

    public string Name => "roster";

    public static string KindOf(IdentifierCategory category) =>
        category switch
        {
            IdentifierCategory.Person => "PERSON",
            IdentifierCategory.Place => "PLACE",
            IdentifierCategory.Organisation => "ORGANISATION",
            _ => "OTHER",
        };

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        if (_maxWords == 0)
            yield break;
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Initial(input, i) is { } initial)
            {
                yield return initial;
                i++;
                continue;
            }
            var n = TokenRuns.Longest(tokens, i, _maxWords, _keys.ContainsKey, input.Text);
            if (n == 0)
                continue;
            var key =
                n == 1
                    ? IdentifierText.Normalise(tokens[i].Text)
                    : IdentifierText.Normalise(string.Join(' ', Enumerable.Range(i, n).Select(j => tokens[j].Text)));
            var (kind, identity, priority) = _keys[key];
            if (n == 1 && kind == "PERSON" && !_inCapitals.Contains(key) && !ActsAsName(input, i, key))
                continue;
            yield return TokenRuns.Span(tokens, i, n, kind, identity, priority, Name);
            i += n - 1;
        }
    }

    /// <summary>"R. Kintu": an initial, its dot and a listed surname (a run of words never crosses a dot, so apart).</summary>
    Detection? Initial(RecognitionInput input, int i)
    {
        var tokens = input.Tokens;
        if (tokens[i].Text.Length != 1 || !char.IsUpper(tokens[i].Text[0]) || i + 1 >= tokens.Count)
            return null;
        var gap = input.Text.AsSpan(tokens[i].End, tokens[i + 1].Start - tokens[i].End).Trim();
        if (gap.Length > 1 || (gap.Length == 1 && gap[0] != '.'))
            return null;
        var key = $"{char.ToLowerInvariant(tokens[i].Text[0])} {IdentifierText.Normalise(tokens[i + 1].Text)}";
        return _keys.TryGetValue(key, out var found) && found.Priority == FullName
            ? TokenRuns.Span(tokens, i, 2, found.Kind, found.Identity, FullName, Name)
            : null;
    }

    /// <summary>
    /// Whether one listed word, alone, is the person here. A word that is also an ordinary word of the sentence's
    /// language, a given name that is also a word (Grace, Will), or a public term (Sunday, an alias or a name part alike)
    /// is the person only where it acts as a name; a public term only with a person cue or addressed. An acronym in
    /// capitals ("the ASHA worker") is a role.
    /// </summary>
    static bool ActsAsName(RecognitionInput input, int i, string key)
    {
        var token = input.Tokens[i];
        if (input.IsSpeaker)
            return true;
        if (token.Text.Length is > 1 and <= 5 && token.Text.All(char.IsUpper))
            return false;
        if (!token.IsCapitalised && NameUse.AfterDeterminer(input, i))
            return false;
        var language = input.LanguageAt(token.Start);
        if (Evidence.Lexicons.Public.ContainsKey(key))
            return Evidence.NameCues.Around(input, i, i) is not null
                || Addressed(input, i)
                || IdentifierText.StripPossessive(token.Text).Length < token.Text.Length;
        // A capital proves nothing in German, where only a German word is ordinary; elsewhere a capitalised word is
        // ordinary only as a word-name or an English word.
        var ordinary =
            NameUse.IsWordName(key)
            || (
                language is "de"
                    ? Evidence.Lexicons.IsOrdinary(key, "de")
                    : WordLists.English.Contains(key)
                        || !token.IsCapitalised && Evidence.Lexicons.IsOrdinary(key, language)
            );
        // A word in lower case is a name only after a title or a relation ("my cousin grace"), not before a verb ("faith helped").
        if (!token.IsCapitalised)
            return !ordinary || Evidence.NameCues.Around(input, i, i) is "kinship" or "title" or "greeting";
        return !ordinary || NameUse.AsName(input, i) || Evidence.NameCues.Around(input, i, i) is not null;
    }

    /// <summary>"Sunday, can you …": a word at a sentence's start followed by a comma.</summary>
    static bool Addressed(RecognitionInput input, int i) =>
        input.Tokens[i].SentenceStart
        && i + 1 < input.Tokens.Count
        && input.Text.AsSpan(input.Tokens[i].End, input.Tokens[i + 1].Start - input.Tokens[i].End).Trim() is ",";
}
