using PipelineFunctions.Core.Monitoring;

namespace PipelineFunctions.Core.Tests.Monitoring;

public sealed class PercentileTests
{
    [Fact]
    public void Nearest_rank_percentiles_are_observed_values()
    {
        var values = Enumerable.Range(1, 10).Select(i => (double)i).Reverse().ToList();
        Assert.Equal(5, Percentiles.Of(values, 50));
        Assert.Equal(10, Percentiles.Of(values, 95));
        Assert.Equal(9, Percentiles.Of(values, 90));
        Assert.Equal(1, Percentiles.Of(values, 1));
        Assert.Equal(7, Percentiles.Of([7], 95));
        Assert.Null(Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(values, 0));
    }

    [Fact]
    public void Twenty_values_p95_is_the_nineteenth()
    {
        var values = Enumerable.Range(1, 20).Select(i => i * 1.5).ToList();
        Assert.Equal(19 * 1.5, Percentiles.Of(values, 95));
        Assert.Equal(10 * 1.5, Percentiles.Of(values, 50));
    }
}

public sealed class TimeBucketTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 7, 31, TimeSpan.Zero);

    [Fact]
    public void A_short_window_gets_minute_buckets_aligned_to_the_minute()
    {
        var buckets = TimeBuckets.Cover(T0, T0.AddMinutes(12), 48);
        Assert.Equal(TimeSpan.FromMinutes(1), buckets.Size);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 7, 0, TimeSpan.Zero), buckets.Start);
        Assert.Equal(13, buckets.Count);
        Assert.Equal(0, buckets.IndexOf(T0));
        Assert.Equal(12, buckets.IndexOf(T0.AddMinutes(12)));
        Assert.Null(buckets.IndexOf(T0.AddMinutes(-1)));
        Assert.Null(buckets.IndexOf(buckets.End));
    }

    [Fact]
    public void Longer_windows_climb_the_ladder_and_stay_within_the_limit()
    {
        var day = TimeBuckets.Cover(T0, T0.AddHours(24), 48);
        Assert.Equal(TimeSpan.FromHours(1), day.Size);
        Assert.True(day.Count <= 48);
        Assert.Equal(day.Count - 1, day.IndexOf(T0.AddHours(24)));

        var week = TimeBuckets.Cover(T0, T0.AddDays(7), 48);
        Assert.Equal(TimeSpan.FromHours(6), week.Size);
        Assert.Equal(0, week.IndexOf(T0));
    }

    [Fact]
    public void Beyond_the_ladder_the_latest_days_are_kept()
    {
        var buckets = TimeBuckets.Cover(T0, T0.AddDays(100), 10);
        Assert.Equal(TimeSpan.FromDays(1), buckets.Size);
        Assert.Equal(10, buckets.Count);
        Assert.Equal(9, buckets.IndexOf(T0.AddDays(100)));
        Assert.Null(buckets.IndexOf(T0));
    }

    [Fact]
    public void From_and_to_in_either_order_and_equal_give_one_bucket()
    {
        Assert.Equal(1, TimeBuckets.Cover(T0, T0, 48).Count);
        Assert.Equal(TimeBuckets.Cover(T0, T0.AddMinutes(3), 48), TimeBuckets.Cover(T0.AddMinutes(3), T0, 48));
    }
}

public sealed class StageLatencyTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    static readonly StageSpan[] Stages =
    [
        new("ingest", new HashSet<string> { "Received" }, "Parsed"),
        new("pseudonymise", new HashSet<string> { "Parsed" }, "Pseudonymised"),
        new("suggest", new HashSet<string> { "Pseudonymised", "TranslationApproved" }, "SuggestionsReady"),
    ];

    static StatusAt At(string status, double seconds) => new(status, T0.AddSeconds(seconds));

    [Fact]
    public void Consecutive_entries_give_each_stage_its_time()
    {
        var history = new[] { At("Received", 0), At("Parsed", 2), At("Pseudonymised", 5), At("SuggestionsReady", 6.5) };
        var durations = StageLatency.Durations(history, Stages).ToList();
        Assert.Equal(
            [("ingest", 2.0), ("pseudonymise", 3.0), ("suggest", 1.5)],
            durations.Select(d => (d.Stage, d.Duration.TotalSeconds))
        );
        Assert.Equal(
            TimeSpan.FromSeconds(6.5),
            StageLatency.Between(history, "Received", new HashSet<string> { "SuggestionsReady" })
        );
    }

    [Fact]
    public void A_failure_and_replay_count_only_the_run_that_finished()
    {
        // Parsed, failed five times, replayed an hour later: pseudonymisation took 3 s, not an hour.
        var history = new[]
        {
            At("Received", 0),
            At("Parsed", 1),
            At("Failed", 30),
            At("Parsed", 3600),
            At("Pseudonymised", 3603),
        };
        var durations = StageLatency.Durations(history.Reverse(), Stages).ToList();
        Assert.Contains(("pseudonymise", TimeSpan.FromSeconds(3)), durations);
        Assert.DoesNotContain(durations, d => d.Duration > TimeSpan.FromMinutes(1));
        Assert.Null(StageLatency.Between(history, "Received", new HashSet<string> { "SuggestionsReady" }));
    }

    [Fact]
    public void Summaries_follow_the_stage_order_and_show_stages_without_runs()
    {
        var durations = Enumerable.Range(1, 20).Select(i => ("ingest", TimeSpan.FromSeconds(i))).ToList();
        var summary = StageLatency.Summarise(durations, ["ingest", "pseudonymise"]);
        Assert.Equal(new StageLatencySummary("ingest", 20, 10, 19, 20), summary[0]);
        Assert.Equal(new StageLatencySummary("pseudonymise", 0, null, null, null), summary[1]);
    }
}
