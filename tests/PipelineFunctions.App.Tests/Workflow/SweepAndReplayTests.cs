using Microsoft.Extensions.Time.Testing;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;
using static PipelineFunctions.App.Tests.Workflow.Transcripts;

namespace PipelineFunctions.App.Tests.Workflow;

public sealed class SweepAndReplayTests
{
    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    static Stage? Sweep(TranscriptDocument transcript) =>
        StalledTranscripts.Stalled(transcript, Clock.GetUtcNow() - Limit);

    [Theory]
    [InlineData(Received, Kind.Single, "ingest")]
    [InlineData(Parsed, Kind.Single, "pseudonymise")]
    [InlineData(Pseudonymised, Kind.Single, "suggest")]
    [InlineData(Pseudonymised, Kind.Translation, "translation-check")]
    [InlineData(TranslationApproved, Kind.Translation, "suggest")]
    [InlineData(TranslationApproved, Kind.Source, null)]
    [InlineData(AwaitingTranslationCheck, Kind.Translation, null)]
    [InlineData(AwaitingTranslationReview, Kind.Source, null)]
    [InlineData(SuggestionsReady, Kind.Single, null)]
    [InlineData(Failed, Kind.Single, null)]
    public void A_transcript_that_sat_past_the_limit_is_handed_to_the_stage_it_waits_for(
        TranscriptStatus status,
        Kind kind,
        string? stage
    )
    {
        Assert.Equal(stage, Sweep(At(status, kind, Clock.GetUtcNow() - Limit - TimeSpan.FromSeconds(1)))?.Name);
    }

    [Fact]
    public void A_transcript_that_moved_within_the_limit_is_left_alone()
    {
        var recent = At(Parsed, updatedAt: Clock.GetUtcNow() - Limit + TimeSpan.FromSeconds(1));
        Assert.Null(Sweep(recent));
        // The same transcript once the limit has passed: the positive control.
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(StageTable.Pseudonymise, Sweep(recent));
    }

    [Fact]
    public void A_failed_transcript_returns_to_the_status_it_failed_from_and_its_move_queues_the_stage()
    {
        var failed = At(Parsed);
        failed.Status = Failed;
        failed.History.Add(new(Failed, Clock.GetUtcNow()));

        var plan = PoisonReplay.Plan(failed, StageTable.Pseudonymise);

        Assert.Equal(new ReplayPlan(Parsed, HandOn: false, Resend: false), plan);
    }

    [Fact]
    public void A_failed_transcript_whose_status_another_stage_takes_gets_the_message_back_too()
    {
        // Failed at ingest's Received: the move to Received queues nothing (the upload's event is the message).
        var failed = At(Received);
        failed.Status = Failed;
        failed.History.Add(new(Failed, Clock.GetUtcNow()));

        Assert.Equal(
            new ReplayPlan(Received, HandOn: false, Resend: true),
            PoisonReplay.Plan(failed, StageTable.Ingest)
        );
    }

    [Fact]
    public void A_transcript_whose_stage_died_after_its_write_is_handed_on_not_resent()
    {
        Assert.Equal(
            new ReplayPlan(null, HandOn: true, Resend: false),
            PoisonReplay.Plan(At(Pseudonymised), StageTable.Pseudonymise)
        );
    }

    [Theory]
    [InlineData(SuggestionsReady)]
    [InlineData(AwaitingTranslationReview)]
    public void A_transcript_at_rest_gets_its_message_back_as_it_was(TranscriptStatus status)
    {
        Assert.Equal(
            new ReplayPlan(null, HandOn: false, Resend: true),
            PoisonReplay.Plan(At(status, Kind.Source), StageTable.Suggest)
        );
    }

    [Fact]
    public void A_missing_transcript_gets_its_message_back_as_it_was()
    {
        Assert.Equal(new ReplayPlan(null, HandOn: false, Resend: true), PoisonReplay.Plan(null, StageTable.Suggest));
    }

    [Fact]
    public void A_stage_message_names_its_transcript()
    {
        Assert.Equal(("s1", "t1"), PoisonReplay.TranscriptOf("""{"studyId":"s1","transcriptId":"t1"}"""));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"studyId":"s1"}""")]
    [InlineData("[]")]
    public void A_garbled_message_names_no_transcript(string body)
    {
        Assert.Null(PoisonReplay.TranscriptOf(body));
    }

    [Fact]
    public void An_upload_event_names_its_transcript_by_its_blob()
    {
        var body = App.Uploads.BlobCreatedEvents.Create(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/uploads/s1/kampala/t1.txt"),
            "s1/kampala/t1.txt",
            10,
            "etag",
            Clock.GetUtcNow()
        );
        Assert.Equal(("s1", "t1"), PoisonReplay.TranscriptOf(body));
    }
}
