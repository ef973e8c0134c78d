namespace PipelineFunctions.Core.Suggestions.Induction;

/// <summary>
/// A group's telling words: each stem scored by the share of the group's passages that use it times its inverse
/// document frequency over all passages, shown as the word the participants said most often for it.
/// </summary>
public sealed class KeyPhrases
{
    readonly List<Dictionary<string, string>> _passages;
    readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    public KeyPhrases(IReadOnlyList<string> texts)
    {
        _passages = texts
            .Select(t =>
                PassageAnalyzer
                    .Analyze(t)
                    .Where(a =>
                        !PassageAnalyzer.IsFunctionWord(a.Word) && a.Word.Length > 2 && !a.Word.Any(char.IsDigit)
                    )
                    .GroupBy(a => a.Stem)
                    .ToDictionary(g => g.Key, g => g.First().Word.ToLowerInvariant(), StringComparer.Ordinal)
            )
            .ToList();
        foreach (var stem in _passages.SelectMany(p => p.Keys))
            _df[stem] = _df.GetValueOrDefault(stem) + 1;
    }

    public IReadOnlyList<string> Top(IReadOnlyList<int> group, int count)
    {
        var n = _passages.Count;
        return group
            .SelectMany(i => _passages[i])
            .GroupBy(p => p.Key)
            .Where(g => g.Count() >= Math.Min(2, group.Count))
            .Select(g =>
                (
                    Word: g.GroupBy(p => p.Value).MaxBy(w => w.Count())!.Key,
                    Score: g.Count() / (double)group.Count * Math.Log((n + 1.0) / _df[g.Key])
                )
            )
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Word, StringComparer.Ordinal)
            .Take(count)
            .Select(s => s.Word)
            .ToList();
    }
}
