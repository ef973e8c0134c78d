namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>Source sentences and the translation sentences they line up with (0-based); a side may be empty (a sentence alone).</summary>
public sealed record SentenceBead(IReadOnlyList<int> Source, IReadOnlyList<int> Translation);

/// <summary>
/// Lines up the sentences of an aligned pair of turns by length, as Gale and Church align sentences (one to one, two to
/// one, one to two, or one left alone), scaled by the pair's typical length ratio. Verbatim interview translations
/// seldom merge sentences, so a merge costs nearly as much as a gap.
/// </summary>
public static class SentenceAligner
{
    const double Gap = 1.0,
        Merge = 0.8,
        Misfit = 2;

    public static List<string> Sentences(string text) =>
        text.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Any(char.IsLetter))
            .ToList();

    /// <summary>The cheapest alignment, in order.</summary>
    public static List<SentenceBead> Align(IReadOnlyList<string> ss, IReadOnlyList<string> ts, double ratio)
    {
        if (ratio <= 0)
            ratio = 1;
        int n = ss.Count,
            m = ts.Count;
        var cost = new double[n + 1, m + 1];
        var step = new (int Di, int Dj)[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        for (var j = 0; j <= m; j++)
        {
            if (i == 0 && j == 0)
                continue;
            cost[i, j] = double.MaxValue;
            void Try(int di, int dj, double c)
            {
                if (i < di || j < dj || cost[i - di, j - dj] == double.MaxValue)
                    return;
                if (cost[i - di, j - dj] + c < cost[i, j])
                {
                    cost[i, j] = cost[i - di, j - dj] + c;
                    step[i, j] = (di, dj);
                }
            }
            Try(1, 0, Gap);
            Try(0, 1, Gap);
            if (i >= 1 && j >= 1)
                Try(1, 1, Fit(ss[i - 1].Length, ts[j - 1].Length, ratio));
            if (i >= 2 && j >= 1)
                Try(2, 1, Merge + Fit(ss[i - 2].Length + ss[i - 1].Length, ts[j - 1].Length, ratio));
            if (i >= 1 && j >= 2)
                Try(1, 2, Merge + Fit(ss[i - 1].Length, ts[j - 2].Length + ts[j - 1].Length, ratio));
        }
        var beads = new List<SentenceBead>();
        for (int i = n, j = m; i > 0 || j > 0; )
        {
            var (di, dj) = step[i, j];
            beads.Add(new(Enumerable.Range(i - di, di).ToList(), Enumerable.Range(j - dj, dj).ToList()));
            i -= di;
            j -= dj;
        }
        beads.Reverse();
        return beads;
    }

    /// <summary>The translation's characters per source character over the whole pair: languages differ in length.</summary>
    public static double Ratio(TranslationPair pair) =>
        (double)pair.Translation.Sum(t => t.Text.Length) / Math.Max(1, pair.Source.Sum(s => s.Text.Length));

    /// <summary>How badly two lengths fit, weighted so that a two-to-one whose lengths do not add up costs more than a gap.</summary>
    static double Fit(int source, int translation, double ratio) =>
        Misfit * Math.Abs(Math.Log(Math.Max(1, translation) / (Math.Max(1, source) * ratio)));
}
