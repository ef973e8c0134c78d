using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// Lines up source and translation turns by dynamic programming (as in sequence alignment): a pair costs little when
/// its speakers agree, its timestamps are close and its lengths fit the pair's typical ratio; a turn left without
/// a partner costs a fixed gap. So a turn missing in the middle is a gap there, and the rest still line up.
/// </summary>
public static class TurnAligner
{
    const double Gap = 1.6;

    public static IReadOnlyList<AlignedTurn> Align(
        IReadOnlyList<SpeakerTurn> source,
        IReadOnlyList<SpeakerTurn> translation
    ) => Align(source, translation, SpeakerMapping.Identity);

    /// <param name="speakers">Which labels are the same speaker: the pair's own translation of its labels.</param>
    public static IReadOnlyList<AlignedTurn> Align(
        IReadOnlyList<SpeakerTurn> source,
        IReadOnlyList<SpeakerTurn> translation,
        SpeakerMapping speakers
    )
    {
        var ratio = TypicalRatio(source, translation);
        int n = source.Count,
            m = translation.Count;
        var cost = new double[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
            cost[i, 0] = i * Gap;
        for (var j = 1; j <= m; j++)
            cost[0, j] = j * Gap;
        for (var i = 1; i <= n; i++)
        for (var j = 1; j <= m; j++)
            cost[i, j] = Math.Min(
                cost[i - 1, j - 1] + PairCost(source[i - 1], translation[j - 1], ratio, speakers),
                Math.Min(cost[i - 1, j] + Gap, cost[i, j - 1] + Gap)
            );

        var aligned = new List<AlignedTurn>(Math.Max(n, m));
        for (int i = n, j = m; i > 0 || j > 0; )
        {
            if (
                i > 0
                && j > 0
                && Math.Abs(
                    cost[i, j] - (cost[i - 1, j - 1] + PairCost(source[i - 1], translation[j - 1], ratio, speakers))
                ) < 1e-9
            )
            {
                aligned.Add(new(source[--i].Index, translation[--j].Index));
            }
            else if (i > 0 && Math.Abs(cost[i, j] - (cost[i - 1, j] + Gap)) < 1e-9)
                aligned.Add(new(source[--i].Index, null));
            else
                aligned.Add(new(null, translation[--j].Index));
        }
        aligned.Reverse();
        return aligned;
    }

    static double PairCost(SpeakerTurn s, SpeakerTurn t, double ratio, SpeakerMapping speakers)
    {
        var cost = speakers.Same(s.Speaker, t.Speaker) ? 0 : 1.0;
        if (s.Start is { } a && t.Start is { } b)
            cost += Math.Min(1.0, Math.Abs((a - b).TotalSeconds) / 30);
        var expected = Math.Max(1, s.Text.Length) * ratio;
        cost += Math.Min(1.5, Math.Abs(Math.Log(Math.Max(1, t.Text.Length) / expected)));
        return cost;
    }

    public static bool SameSpeaker(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The translation's characters per source character over the whole pair: languages differ in length.</summary>
    static double TypicalRatio(IReadOnlyList<SpeakerTurn> source, IReadOnlyList<SpeakerTurn> translation)
    {
        var total = (double)translation.Sum(t => t.Text.Length) / Math.Max(1, source.Sum(s => s.Text.Length));
        return total > 0 ? total : 1;
    }
}
