using System.Text.RegularExpressions;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Suggestions.Evaluation;

/// <summary>
/// The baseline to beat, as NVivo's autocoding works: plain tf-idf cosine, words lower-cased, no stemming or stop
/// words. Zero-shot against each code's name and definition; few-shot against the centroid of its coded passages.
/// </summary>
public sealed partial class TfIdfBaseline
{
    readonly List<string> _codes;
    readonly Dictionary<string, Dictionary<string, double>> _profiles = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    int _documents;

    public TfIdfBaseline(Codebook codebook, IReadOnlyList<LabelledExample> examples)
    {
        var parents = codebook.Codes.Where(c => c.Parent is not null).Select(c => c.Parent!).ToHashSet();
        var leaves = codebook.Codes.Where(c => !parents.Contains(c.Id)).ToList();
        _codes = leaves.Select(c => c.Id).ToList();
        var texts =
            examples.Count > 0
                ? leaves.ToDictionary(
                    c => c.Id,
                    c => examples.Where(e => e.CodeId == c.Id).Select(e => e.Text).ToList()
                )
                : leaves.ToDictionary(c => c.Id, c => new List<string> { $"{c.Name} {c.Definition}" });
        foreach (var doc in texts.Values.SelectMany(t => t))
        {
            _documents++;
            foreach (var w in Words(doc).Distinct())
                _df[w] = _df.GetValueOrDefault(w) + 1;
        }
        foreach (var (code, docs) in texts)
        {
            var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var v in docs.Select(Vector))
            foreach (var (w, x) in v)
                centroid[w] = centroid.GetValueOrDefault(w) + x / docs.Count;
            _profiles[code] = centroid;
        }
    }

    public IReadOnlyList<(string CodeId, double Score)> Rank(string text)
    {
        var v = Vector(text);
        return _codes
            .Select(c => (c, _profiles[c].Count == 0 ? 0 : Cosine(v, _profiles[c])))
            .OrderByDescending(s => s.Item2)
            .ThenBy(s => s.c, StringComparer.Ordinal)
            .ToList();
    }

    Dictionary<string, double> Vector(string text)
    {
        var tf = Words(text)
            .GroupBy(w => w)
            .ToDictionary(
                g => g.Key,
                g => g.Count() * Math.Log((_documents + 1.0) / (_df.GetValueOrDefault(g.Key) + 1)),
                StringComparer.Ordinal
            );
        var norm = Math.Sqrt(tf.Values.Sum(x => x * x));
        return norm == 0 ? tf : tf.ToDictionary(p => p.Key, p => p.Value / norm, StringComparer.Ordinal);
    }

    static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var dot = a.Sum(p => b.TryGetValue(p.Key, out var x) ? p.Value * x : 0);
        var nb = Math.Sqrt(b.Values.Sum(x => x * x));
        return nb == 0 ? 0 : dot / nb;
    }

    static IEnumerable<string> Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
