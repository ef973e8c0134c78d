using PipelineFunctions.App.Model;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;
using static PipelineFunctions.App.Tests.Workflow.Transcripts;

namespace PipelineFunctions.App.Tests.Workflow;

/// <summary>The site's check as rows of the table: where it stops a transcript, what releases it, and what knows
/// it.</summary>
public sealed class SiteCheckRowsTests
{
    static readonly StudyDocument Checked = new() { SiteCheck = true };
    static readonly StudyDocument Unchecked = new() { SiteCheck = false };

    static TranscriptDocument Released(TranscriptStatus status, Kind kind = Kind.Single)
    {
        var t = At(status, kind);
        t.Released = new SiteRelease("kampala-researcher", DateTimeOffset.UnixEpoch, 1);
        return t;
    }

    [Fact]
    public void Pseudonymisation_stops_at_the_check_in_a_study_that_has_it_and_goes_on_in_one_that_does_not()
    {
        Assert.Equal(AwaitingSiteCheck, Transitions.Target(Trigger.Pseudonymise, Parsed, At(Parsed), Checked));
        Assert.Equal(
            AwaitingSiteCheck,
            Transitions.Target(Trigger.Pseudonymise, Parsed, At(Parsed, Kind.Translation), Checked)
        );
        Assert.Equal(Pseudonymised, Transitions.Target(Trigger.Pseudonymise, Parsed, At(Parsed), Unchecked));
    }

    [Fact]
    public void A_version_made_again_after_the_site_released_the_transcript_goes_straight_on()
    {
        Assert.Equal(Pseudonymised, Transitions.Target(Trigger.Pseudonymise, Parsed, Released(Parsed), Checked));
    }

    [Fact]
    public void Nothing_is_queued_at_the_check_and_the_release_hands_on_as_pseudonymisation_would()
    {
        Assert.Null(StageTable.Next(At(AwaitingSiteCheck), AwaitingSiteCheck));
        Assert.True(Transitions.Allows(Trigger.Release, AwaitingSiteCheck, Pseudonymised));
        Assert.Equal(StageTable.Suggest, StageTable.Next(Released(Pseudonymised), Pseudonymised));
        Assert.Equal(StageTable.TranslationCheck, StageTable.Next(Released(Pseudonymised, Kind.Source), Pseudonymised));
        Assert.Contains(Transitions.Of(Trigger.Release), r => r.Hand == Hand.Person);
    }

    [Fact]
    public void The_sweep_leaves_a_transcript_at_the_check_to_the_site()
    {
        Assert.DoesNotContain(AwaitingSiteCheck, Transitions.Waiting);
        Assert.Null(StalledTranscripts.Stalled(At(AwaitingSiteCheck), DateTimeOffset.MaxValue));
        Assert.NotNull(StalledTranscripts.Stalled(At(Parsed), DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Stages_see_the_check_as_done_by_pseudonymisation_and_not_yet_reached_by_coding()
    {
        Assert.Equal(StageStep.Done, Transitions.StepFor(Trigger.Pseudonymise, At(AwaitingSiteCheck)));
        Assert.Equal(StageStep.Early, Transitions.StepFor(Trigger.Suggest, At(AwaitingSiteCheck)));
        Assert.Equal(
            StageStep.Early,
            Transitions.StepFor(Trigger.CheckTranslation, At(AwaitingSiteCheck, Kind.Source))
        );
        // Coders' reads ask for "at least Pseudonymised": a transcript at the check is not.
        Assert.False(AwaitingSiteCheck.IsAtLeast(Pseudonymised));
        Assert.True(Pseudonymised.IsAtLeast(AwaitingSiteCheck));
        Assert.True(AwaitingSiteCheck.IsAtLeast(Parsed));
    }

    [Fact]
    public void A_correction_a_failure_and_a_replay_reach_the_check_as_any_status()
    {
        Assert.True(Transitions.Allows(Trigger.Correct, AwaitingSiteCheck, Parsed));
        Assert.True(Transitions.Allows(Trigger.Fail, AwaitingSiteCheck, Failed));
        Assert.True(Transitions.Allows(Trigger.Replay, Failed, AwaitingSiteCheck));
        // A released transcript never goes back to the check by itself.
        Assert.False(Transitions.Allows(Pseudonymised, AwaitingSiteCheck));
    }

    [Fact]
    public void Pseudonymisation_s_latency_ends_at_the_check_and_the_wait_for_the_site_is_no_stage_s_time()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var transcript = new TranscriptDocument
        {
            History =
            [
                new(Received, t0),
                new(Parsed, t0.AddSeconds(1)),
                new(AwaitingSiteCheck, t0.AddSeconds(3)),
                new(Pseudonymised, t0.AddSeconds(3000)),
                new(SuggestionsReady, t0.AddSeconds(3004)),
            ],
        };
        var durations = StageTimings.Durations(transcript).Select(d => (d.Stage, d.Duration.TotalSeconds)).ToList();
        Assert.Equal(
            [("ingest", 1.0), ("pseudonymise", 2.0), ("suggest", 4.0), (StageTimings.UploadToReady, 3.0)],
            durations
        );
    }
}
