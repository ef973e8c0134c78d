namespace PipelineFunctions.Core.Monitoring;

/// <summary>A stage seen in a status history: it starts when the item enters one of <see cref="From"/> and ends when the very next entry is <see cref="To"/>.</summary>
public sealed record StageSpan(string Stage, IReadOnlySet<string> From, string To);

/// <summary>One entry of a status history.</summary>
public readonly record struct StatusAt(string Status, DateTimeOffset At);

/// <summary>
/// How long each stage took, read from status histories alone. Only consecutive entries count, so a failure and a
/// replay in between, or a person's review before the next stage, never inflate a machine stage's latency.
/// </summary>
public static class StageLatency
{
    public static IEnumerable<(string Stage, TimeSpan Duration)> Durations(
        IEnumerable<StatusAt> history,
        IReadOnlyList<StageSpan> stages
    )
    {
        var ordered = history.OrderBy(h => h.At).ToList();
        for (var i = 1; i < ordered.Count; i++)
            foreach (var stage in stages)
                if (stage.To == ordered[i].Status && stage.From.Contains(ordered[i - 1].Status))
                    yield return (stage.Stage, ordered[i].At - ordered[i - 1].At);
    }

    /// <summary>From the first entry into <paramref name="from"/> to the first later entry into any of <paramref name="to"/>; null if not reached.</summary>
    public static TimeSpan? Between(IEnumerable<StatusAt> history, string from, IReadOnlySet<string> to)
    {
        var ordered = history.OrderBy(h => h.At).ToList();
        var start = ordered.FindIndex(h => h.Status == from);
        if (start < 0)
            return null;
        for (var i = start + 1; i < ordered.Count; i++)
            if (to.Contains(ordered[i].Status))
                return ordered[i].At - ordered[start].At;
        return null;
    }

    /// <summary>p50 and p95 (nearest rank) per stage in seconds, with how many stage runs they rest on.</summary>
    public static IReadOnlyList<StageLatencySummary> Summarise(
        IEnumerable<(string Stage, TimeSpan Duration)> durations,
        IEnumerable<string> stageOrder
    )
    {
        var byStage = durations
            .GroupBy(d => d.Stage)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Duration.TotalSeconds).ToList());
        return stageOrder
            .Select(stage =>
                byStage.TryGetValue(stage, out var seconds)
                    ? new StageLatencySummary(
                        stage,
                        seconds.Count,
                        Percentiles.Of(seconds, 50),
                        Percentiles.Of(seconds, 95),
                        seconds.Max()
                    )
                    : new StageLatencySummary(stage, 0, null, null, null)
            )
            .ToList();
    }
}

public sealed record StageLatencySummary(
    string Stage,
    int Count,
    double? P50Seconds,
    double? P95Seconds,
    double? MaxSeconds
);
