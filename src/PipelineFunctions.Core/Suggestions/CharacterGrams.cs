namespace PipelineFunctions.Core.Suggestions;

/// <summary>Unit-length vectors of the character 4-grams of stems (with word edges), for fuzzy likeness of wording.</summary>
public static class CharacterGrams
{
    public static Dictionary<string, double> Of(IEnumerable<string> stems)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var stem in stems)
        {
            var padded = $"_{stem}_";
            for (var i = 0; i + 4 <= padded.Length; i++)
            {
                var gram = padded.Substring(i, 4);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }
        var norm = Math.Sqrt(counts.Values.Sum(c => c * c));
        if (norm > 0)
            foreach (var key in counts.Keys.ToList())
                counts[key] /= norm;
        return counts;
    }

    public static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Sum(p => large.TryGetValue(p.Key, out var w) ? p.Value * w : 0);
    }
}
