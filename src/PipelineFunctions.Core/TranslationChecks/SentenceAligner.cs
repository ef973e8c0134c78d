using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>Source sentences and the translation sentences they line up with (0-based); a side may be empty (a sentence alone).</summary>
public sealed record SentenceBead(IReadOnlyList<int> Source, IReadOnlyList<int> Translation);

/// <summary>
/// Lines up the sentences of an aligned pair of turns by length, as Gale and Church align sentences (one to one, two to
/// one, one to two, or one left alone), scaled by the pair's typical length ratio. Verbatim interview translations
/// seldom merge sentences, so a merge costs nearly as much as a gap.
/// </summary>
public static partial class SentenceAligner
{
    const double Gap = 1.0,
        Merge = 0.8,
        Misfit = 2;

    /// <summary>Titles and abbreviations whose full stop ends no sentence ("Bi. [PERSON-1]", "z. B.", "ca. zehn").</summary>
    static readonly HashSet<string> Abbreviations = new(
        [
            "dr",
            "mr",
            "mrs",
            "ms",
            "prof",
            "nr",
            "bzw",
            "usw",
            "ca",
            "vgl",
            "ggf",
            "evtl",
            "inkl",
            "bi",
            "bw",
            "etc",
            "st",
        ],
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>
    /// The sentences of a turn, split after . ? ! … but not after a title, an abbreviation or a single letter (an
    /// initial, "z.B."), nor before a lower-case word that carries the sentence on.
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var next = end.Index + end.Length;
            var word = WordBefore().Match(text[..end.Index]).Value;
            var follows = text[next..].TrimStart();
            if (
                end.Value.StartsWith('.')
                && end.Value.Length == 1
                && (
                    word.Length == 1 || Abbreviations.Contains(word) || (follows.Length > 0 && char.IsLower(follows[0]))
                )
            )
                continue;
            sentences.Add(text[start..end.Index]);
            start = next;
        }
        sentences.Add(text[start..]);
        return sentences.Select(s => s.Trim()).Where(s => s.Any(char.IsLetter)).ToList();
    }

    [GeneratedRegex(@"[.?!…]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+$")]
    private static partial Regex WordBefore();

    /// <summary>The cheapest alignment, in order.</summary>
    public static List<SentenceBead> Align(IReadOnlyList<string> ss, IReadOnlyList<string> ts, double ratio)
    {
        var (_, step) = Table(ss, ts, ratio);
        var beads = new List<SentenceBead>();
        for (int i = ss.Count, j = ts.Count; i > 0 || j > 0; )
        {
            var (di, dj) = step[i, j];
            beads.Add(new(Enumerable.Range(i - di, di).ToList(), Enumerable.Range(j - dj, dj).ToList()));
            i -= di;
            j -= dj;
        }
        beads.Reverse();
        return beads;
    }

    /// <summary>What the cheapest alignment costs.</summary>
    public static double Cost(IReadOnlyList<string> ss, IReadOnlyList<string> ts, double ratio) =>
        Table(ss, ts, ratio).Cost[ss.Count, ts.Count];

    /// <summary>
    /// What the cheapest alignment costs that leaves source sentence <paramref name="k"/> (0-based) without a partner:
    /// the best alignment of what comes before it, the gap, and the best of what comes after (the same table over both
    /// reversed). Near the best cost, that sentence is as likely the one dropped as the one the best alignment leaves.
    /// </summary>
    public static double CostWithout(IReadOnlyList<string> ss, IReadOnlyList<string> ts, double ratio, int k)
    {
        var before = Table(ss, ts, ratio).Cost;
        var after = Table(ss.Reverse().ToList(), ts.Reverse().ToList(), ratio).Cost;
        int n = ss.Count,
            m = ts.Count;
        var best = double.MaxValue;
        for (var j = 0; j <= m; j++)
            best = Math.Min(best, before[k, j] + Gap + after[n - k - 1, m - j]);
        return best;
    }

    static (double[,] Cost, (int Di, int Dj)[,] Step) Table(
        IReadOnlyList<string> ss,
        IReadOnlyList<string> ts,
        double ratio
    )
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
        return (cost, step);
    }

    /// <summary>The translation's characters per source character over the whole pair: languages differ in length.</summary>
    public static double Ratio(TranslationPair pair) =>
        (double)pair.Translation.Sum(t => t.Text.Length) / Math.Max(1, pair.Source.Sum(s => s.Text.Length));

    /// <summary>How badly two lengths fit, weighted so that a two-to-one whose lengths do not add up costs more than a gap.</summary>
    static double Fit(int source, int translation, double ratio) =>
        Misfit * Math.Abs(Math.Log(Math.Max(1, translation) / (Math.Max(1, source) * ratio)));
}
