namespace PipelineFunctions.Core.Monitoring;

/// <summary>Nearest-rank percentiles: always a value that was observed, which is what an admin reading "p95" expects.</summary>
public static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it; null for none.</summary>
    public static double? Of(IEnumerable<double> values, double percent)
    {
        if (percent is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), "A percentile lies in (0, 100].");
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
