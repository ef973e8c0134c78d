namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A sentence dropped inside a turn: each aligned pair's sentences are lined up by length (as Gale and Church align
/// sentences: one to one, two to one, one to two, or one left alone), scaled by the pair's typical length ratio. A
/// source sentence of several words left without a partner is flagged, whether or not the whole turn looks short.
/// Verbatim interview translations seldom merge sentences, so a merge costs nearly as much as a gap.
/// </summary>
public sealed class SentenceAlignmentCheck : ITranslationCheck
{
    const int MinimumWords = 5;
    const double Gap = 1.0, Merge = 0.8, Misfit = 2;

    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var ratio = (double)pair.Translation.Sum(t => t.Text.Length) / Math.Max(1, pair.Source.Sum(s => s.Text.Length));
        foreach (var (s, t) in pair.Matched)
        {
            var (ss, ts) = (Sentences(s.Text), Sentences(t.Text));
            if (ss.Count < 2 || ss.Count <= ts.Count) continue;
            foreach (var dropped in Unmatched(ss, ts, ratio > 0 ? ratio : 1).Where(i => TranslationPair.Words(ss[i]) >= MinimumWords))
                yield return new("dropped-sentence", Severity.Medium, s.Index, t.Index,
                    $"Sentence {dropped + 1} of source turn {s.Index} ({TranslationPair.Words(ss[dropped])} words) seems to have no translation.");
        }
    }

    /// <summary>The source sentences the cheapest alignment leaves alone.</summary>
    static List<int> Unmatched(List<string> ss, List<string> ts, double ratio)
    {
        int n = ss.Count, m = ts.Count;
        var cost = new double[n + 1, m + 1];
        var step = new (int Di, int Dj)[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
            for (var j = 0; j <= m; j++)
            {
                if (i == 0 && j == 0) continue;
                cost[i, j] = double.MaxValue;
                void Try(int di, int dj, double c)
                {
                    if (i < di || j < dj || cost[i - di, j - dj] == double.MaxValue) return;
                    if (cost[i - di, j - dj] + c < cost[i, j]) { cost[i, j] = cost[i - di, j - dj] + c; step[i, j] = (di, dj); }
                }
                Try(1, 0, Gap);
                Try(0, 1, Gap);
                if (i >= 1 && j >= 1) Try(1, 1, Fit(ss[i - 1].Length, ts[j - 1].Length, ratio));
                if (i >= 2 && j >= 1) Try(2, 1, Merge + Fit(ss[i - 2].Length + ss[i - 1].Length, ts[j - 1].Length, ratio));
                if (i >= 1 && j >= 2) Try(1, 2, Merge + Fit(ss[i - 1].Length, ts[j - 2].Length + ts[j - 1].Length, ratio));
            }
        var alone = new List<int>();
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            var (di, dj) = step[i, j];
            if (di == 1 && dj == 0) alone.Add(i - 1);
            i -= di;
            j -= dj;
        }
        return alone;
    }

    /// <summary>How badly two lengths fit, weighted so that a two-to-one whose lengths do not add up costs more than a gap.</summary>
    static double Fit(int source, int translation, double ratio) => Misfit * Math.Abs(Math.Log(Math.Max(1, translation) / (Math.Max(1, source) * ratio)));

    static List<string> Sentences(string text) =>
        text.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Any(char.IsLetter)).ToList();
}
