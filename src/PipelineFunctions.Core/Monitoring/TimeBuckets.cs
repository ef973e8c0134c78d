namespace PipelineFunctions.Core.Monitoring;

/// <summary>
/// Equal time buckets over a window, aligned to whole bucket sizes (UTC) so that two refreshes of a chart agree on
/// their edges. The size is the smallest on a human ladder (1 min … 1 day) that covers the window in at most the
/// buckets asked for.
/// </summary>
public sealed record TimeBuckets(DateTimeOffset Start, TimeSpan Size, int Count)
{
    static readonly TimeSpan[] Ladder =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(3),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
        TimeSpan.FromDays(1),
    ];

    public DateTimeOffset End => Start + Size * Count;

    public static TimeBuckets Cover(DateTimeOffset from, DateTimeOffset to, int maxBuckets)
    {
        if (maxBuckets < 1)
            throw new ArgumentOutOfRangeException(nameof(maxBuckets));
        if (to < from)
            (from, to) = (to, from);
        foreach (var size in Ladder)
        {
            var (start, count) = Span(from, to, size);
            if (count <= maxBuckets)
                return new(start, size, count);
        }
        // Longer than the ladder allows: the latest buckets, ending with the one that holds `to`.
        var day = Ladder[^1];
        var (last, _) = Span(to, to, day);
        return new(last - day * (maxBuckets - 1), day, maxBuckets);
    }

    static (DateTimeOffset Start, int Count) Span(DateTimeOffset from, DateTimeOffset to, TimeSpan size)
    {
        var start = new DateTimeOffset(from.UtcTicks - from.UtcTicks % size.Ticks, TimeSpan.Zero);
        var count = (int)((to.UtcTicks - start.UtcTicks) / size.Ticks) + 1;
        return (start, count);
    }

    /// <summary>The bucket holding <paramref name="at"/>, or null outside the window.</summary>
    public int? IndexOf(DateTimeOffset at)
    {
        if (at < Start)
            return null;
        var index = (int)((at.UtcTicks - Start.UtcTicks) / Size.Ticks);
        return index < Count ? index : null;
    }

    public DateTimeOffset StartOf(int index) => Start + Size * index;
}
