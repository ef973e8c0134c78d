using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;

namespace PipelineFunctions.App.Tests.Workflow;

public sealed class StageTimingsTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    static TranscriptDocument With(params (TranscriptStatus Status, double Seconds)[] history) =>
        new() { History = [.. history.Select(h => new StatusChange(h.Status, T0.AddSeconds(h.Seconds)))] };

    [Fact]
    public void Each_machine_stage_runs_from_the_status_that_hands_it_on_to_the_one_it_writes()
    {
        var durations = StageTimings
            .Durations(With((Received, 0), (Parsed, 1), (Pseudonymised, 3), (SuggestionsReady, 7)))
            .ToList();
        Assert.Equal(
            [("ingest", 1.0), ("pseudonymise", 2.0), ("suggest", 4.0), (StageTimings.UploadToReady, 7.0)],
            durations.Select(d => (d.Stage, d.Duration.TotalSeconds))
        );
    }

    [Fact]
    public void Waiting_for_the_other_half_or_for_the_lead_is_no_stage_s_time()
    {
        var durations = StageTimings
            .Durations(
                With(
                    (Received, 0),
                    (Parsed, 1),
                    (Pseudonymised, 2),
                    (AwaitingTranslationCheck, 3),
                    (AwaitingTranslationReview, 100),
                    (TranslationApproved, 500),
                    (SuggestionsReady, 504)
                )
            )
            .ToList();
        Assert.Contains(("translation-check", 1.0), durations.Select(d => (d.Stage, d.Duration.TotalSeconds)));
        Assert.Contains(("suggest", 4.0), durations.Select(d => (d.Stage, d.Duration.TotalSeconds)));
        Assert.DoesNotContain(durations, d => d.Duration.TotalSeconds is 97 or 400);
    }

    [Fact]
    public void The_dashboard_lists_the_stages_in_pipeline_order_then_the_whole_journey()
    {
        Assert.Equal(
            ["ingest", "pseudonymise", "translation-check", "suggest", StageTimings.UploadToReady],
            StageTimings.Order
        );
    }
}
