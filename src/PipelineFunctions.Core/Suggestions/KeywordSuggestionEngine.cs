using System.Text.RegularExpressions;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>Basic engine: a code is suggested where the passage shares content words with its name or definition.</summary>
public sealed partial class KeywordSuggestionEngine(Codebook codebook, int top = 3) : ISuggestionEngine
{
    static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the","a","an","and","or","of","to","in","on","for","with","as","by","at","from","that","this","is","are","was","were",
        "be","been","it","its","their","they","them","who","whom","what","how","about","such","other","than","into","not",
        "rather","both","more","each","any","all","can","could","would","there","these","those","has","have","had","do","does",
    };

    readonly IReadOnlyList<(Code Code, HashSet<string> Terms)> _codes =
        codebook.Codes.Select(c => (c, Terms($"{c.Name} {c.Definition}").ToHashSet())).ToList();

    public string Name => "keyword";

    public IReadOnlyList<UnitSuggestions> Suggest(IReadOnlyList<CodingUnit> units) =>
        units.Select(u => new UnitSuggestions(u, u.IsInterviewer ? [] : SuggestFor(u.Text))).ToList();

    IReadOnlyList<CodeSuggestion> SuggestFor(string text)
    {
        var words = Terms(text).ToHashSet();
        return _codes
            .Select(c => (c.Code, Shared: c.Terms.Where(words.Contains).OrderBy(t => t, StringComparer.Ordinal).ToList(), c.Terms.Count))
            .Where(c => c.Shared.Count > 0)
            .Select(c => new CodeSuggestion(c.Code.Id, c.Code.Name, Math.Round(Math.Min(1.0, (double)c.Shared.Count / Math.Max(3, c.Count / 2)), 3),
                c.Shared, Name))
            .OrderByDescending(s => s.Confidence).ThenBy(s => s.CodeId, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    static IEnumerable<string> Terms(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => w.Length > 2 && !StopWords.Contains(w));

    // A crude suffix strip, enough for "supports"/"supported"/"supporting" to meet "support".
    static string Stem(string w) =>
        w.EndsWith("ing") && w.Length > 5 ? w[..^3] : w.EndsWith("ed") && w.Length > 4 ? w[..^2] : w.EndsWith('s') && w.Length > 3 ? w[..^1] : w;

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
