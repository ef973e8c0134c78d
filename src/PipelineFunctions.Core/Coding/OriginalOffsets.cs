using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Coding;

/// <summary>
/// A span of an original (identifiable) turn carried into its pseudonymised text through the replacement log: each
/// replacement before a position moves it by the difference in length; a position inside a replaced identifier goes
/// to the edge of its pseudonym, so the span still covers it. Imported codings count in the text the other tool had.
/// </summary>
public static class OriginalOffsets
{
    /// <summary>The span in the pseudonymised turn; its words changed when a replacement falls inside it (its coder
    /// confirms it).</summary>
    public static AnchoredSpan Carry(int start, int end, IEnumerable<Replacement> ofTurn)
    {
        var replaced = ofTurn.Where(r => !r.InSpeaker).OrderBy(r => r.Start).ToList();
        return new(
            Map(start, replaced, towardsEnd: false),
            Map(end, replaced, towardsEnd: true),
            replaced.Any(r => r.Start < end && r.Start + r.Length > start)
        );
    }

    static int Map(int at, IReadOnlyList<Replacement> replaced, bool towardsEnd)
    {
        var shift = 0;
        foreach (var r in replaced)
        {
            if (r.Start + r.Length <= at)
                shift += r.Pseudonym.Length - r.Length;
            else if (r.Start < at)
                return r.Start + shift + (towardsEnd ? r.Pseudonym.Length : 0);
            else
                break;
        }
        return at + shift;
    }
}
