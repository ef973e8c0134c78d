using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;

namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// Terms never replaced: the shipped institutions, laws, programmes and methods (Data/allowed-terms.txt: Mental Health
/// Act, Ministry of Health, WHO, WRAP, Ex-In …) and the study's own allow list, single words and phrases alike. A
/// detection lying wholly inside one is dropped, unless the roster named it in full.
/// </summary>
public sealed class AllowedTerms
{
    const int RosterFullName = 100;

    readonly HashSet<string> _phrases;
    readonly HashSet<string> _firstWords;
    readonly int _maxWords;

    public AllowedTerms(IEnumerable<string> studyTerms)
    {
        var study = studyTerms.ToList();
        _phrases = WordLists
            .AllowedTerms.Concat(study.Select(IdentifierText.Normalise))
            .Where(t => t.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        _maxWords = _phrases.Count == 0 ? 0 : _phrases.Max(p => p.Split(' ').Length);
        // A term's first word as a token reads it ("Ex-In" stays one word), so most words are passed over with one look-up.
        _firstWords = WordLists
            .AllowedTermFirstWords.Concat(study.Select(FirstWord))
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static string FirstWord(string term) => Tokens.Of(term) is { Count: > 0 } t ? t[0].Text : "";

    /// <summary>Every single-word term, for the recognizers that judge one word at a time.</summary>
    public IEnumerable<string> Words => _phrases.Where(p => !p.Contains(' '));

    public bool Keeps(Detection d, IReadOnlyList<(int Start, int End)> spans) =>
        d.Priority < RosterFullName && spans.Any(s => s.Start <= d.Start && d.End <= s.End);

    /// <summary>Where the terms stand in a text.</summary>
    public List<(int Start, int End)> Spans(string text, IReadOnlyList<Token> tokens)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_firstWords.Contains(IdentifierText.StripPossessive(tokens[i].Text)))
                continue;
            var n = TokenRuns.Longest(tokens, i, _maxWords, _phrases.Contains, text);
            if (n == 0)
                continue;
            spans.Add((tokens[i].Start, tokens[i + n - 1].End));
            i += n - 1;
        }
        return spans;
    }
}
