namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

/// <summary>
/// The people, places and organisations a site listed: full names, aliases, and for people each part of the name
/// alone; any case, with or without diacritics, possessives, across line breaks. Never a miss on a listed name.
/// </summary>
public sealed class RosterRecognizer : IRecognizer
{
    /// <summary>Full names and aliases outrank everything; a lone name part yields to a facility ("Tan Tock Seng Hospital").</summary>
    const int FullName = 100, NamePart = 71;

    readonly Dictionary<string, (string Kind, string Identity, int Priority)> _keys = new(StringComparer.Ordinal);
    readonly int _maxWords;

    public RosterRecognizer(IReadOnlyList<RosterEntry> roster)
    {
        // Full names and aliases first, so a name part shared by two people never takes a full name's place.
        foreach (var entry in roster)
        {
            var identity = $"roster:{IdentifierText.Normalise(entry.Identifier)}";
            var kind = KindOf(entry.Category);
            foreach (var form in new[] { entry.Identifier }.Concat(entry.Aliases))
                _keys.TryAdd(IdentifierText.Normalise(form), (kind, identity, FullName));
        }
        // Each part alone, as written ("Ben-David") and word by word ("Ben", "David").
        foreach (var entry in roster.Where(e => e.Category == IdentifierCategory.Person))
            foreach (var part in entry.Identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(IdentifierText.Normalise)
                         .Concat(IdentifierText.Normalise(entry.Identifier).Split(' ')).Where(p => p.Length > 1 && !WordLists.Common.Contains(p)))
                _keys.TryAdd(part, (KindOf(entry.Category), $"roster:{IdentifierText.Normalise(entry.Identifier)}", NamePart));
        _maxWords = _keys.Count == 0 ? 0 : _keys.Keys.Max(k => k.Split(' ').Length);
    }

    public string Name => "roster";

    public static string KindOf(IdentifierCategory category) => category switch
    {
        IdentifierCategory.Person => "PERSON",
        IdentifierCategory.Place => "PLACE",
        IdentifierCategory.Organisation => "ORGANISATION",
        _ => "OTHER",
    };

    public IEnumerable<Detection> Recognize(RecognitionInput input)
    {
        if (_maxWords == 0) yield break;
        var tokens = input.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = TokenRuns.Longest(tokens, i, _maxWords, _keys.ContainsKey, input.Text);
            if (n == 0) continue;
            var key = IdentifierText.Normalise(string.Join(' ', Enumerable.Range(i, n).Select(j => tokens[j].Text)));
            var (kind, identity, priority) = _keys[key];
            yield return TokenRuns.Span(tokens, i, n, kind, identity, priority, Name);
            i += n - 1;
        }
    }
}
