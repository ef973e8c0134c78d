namespace PipelineFunctions.Core.Suggestions;

/// <summary>A unit-length tf-idf vector over stems, for cosine similarity between passages.</summary>
public sealed class TermVector
{
    readonly Dictionary<string, double> _weights;

    public TermVector(IEnumerable<string> terms, Func<string, double> idf)
    {
        _weights = terms
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (1 + Math.Log(g.Count())) * idf(g.Key), StringComparer.Ordinal);
        var norm = Math.Sqrt(_weights.Values.Sum(w => w * w));
        if (norm > 0)
            foreach (var key in _weights.Keys.ToList())
                _weights[key] /= norm;
    }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public double Cosine(TermVector other)
    {
        var (small, large) =
            _weights.Count <= other._weights.Count ? (_weights, other._weights) : (other._weights, _weights);
        return small.Sum(p => large.TryGetValue(p.Key, out var w) ? p.Value * w : 0);
    }
}
