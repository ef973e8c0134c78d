using Microsoft.Extensions.Time.Testing;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;
using static PipelineFunctions.App.Tests.Workflow.Transcripts;

namespace PipelineFunctions.App.Tests.Workflow;

public sealed class TranscriptWorkflowTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    readonly InMemoryTranscripts _store;
    readonly InMemoryQueues _queues = new();
    readonly InMemorySummaries _summaries = new();
    readonly TranscriptWorkflow _workflow;

    public TranscriptWorkflowTests()
    {
        _store = new(_clock);
        _workflow = new(_store, _queues, _summaries);
    }

    [Fact]
    public async Task A_move_from_the_status_it_was_read_at_writes_it_and_queues_the_next_stage()
    {
        var transcript = At(Parsed);
        _store.Add(transcript);

        Assert.True(await _workflow.MoveAsync(transcript, Pseudonymised, null, default));

        Assert.Equal(Pseudonymised, _store[transcript.Id].Status);
        Assert.Equal(Pseudonymised, transcript.Status);
        Assert.Equal(
            [(StageTable.Suggest.Queue, transcript.Id)],
            _queues.Sent.Select(s => (s.Queue, s.Message.TranscriptId))
        );
    }

    [Fact]
    public async Task Of_two_deliveries_that_read_the_same_status_the_second_loses_and_queues_nothing()
    {
        _store.Add(At(Parsed));
        var first = (await _store.GetAsync("study-1", "t-single-parsed", default))!;
        var second = (await _store.GetAsync("study-1", "t-single-parsed", default))!;

        Assert.True(await _workflow.MoveAsync(first, Pseudonymised, null, default));
        Assert.False(await _workflow.MoveAsync(second, Pseudonymised, null, default));

        Assert.Single(_queues.Sent);
        Assert.Equal([(Parsed, Pseudonymised)], _summaries.Moves);
        Assert.Single(_store["t-single-parsed"].History, h => h.Status == Pseudonymised);
        Assert.Equal(Parsed, second.Status);
    }

    [Fact]
    public async Task A_move_no_row_allows_is_refused_before_anything_is_written()
    {
        var transcript = At(Parsed);
        _store.Add(transcript);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _workflow.MoveAsync(transcript, SuggestionsReady, null, default)
        );

        Assert.Equal(Parsed, _store[transcript.Id].Status);
        Assert.Empty(_queues.Sent);
    }

    [Fact]
    public async Task A_move_whose_claim_is_elsewhere_moves_from_where_the_transcript_stands_now()
    {
        var stale = At(AwaitingTranslationCheck, Kind.Source);
        _store.Add(stale);
        var now = (await _store.GetAsync("study-1", stale.Id, default))!;
        await _workflow.MoveAsync(now, AwaitingTranslationReview, "first", default);
        await _workflow.MoveAsync(now, TranslationQueried, "queried", default);

        Assert.True(
            await _workflow.MoveFromCurrentAsync(
                stale,
                Trigger.CheckTranslation,
                AwaitingTranslationReview,
                "checked again",
                default
            )
        );

        Assert.Equal(AwaitingTranslationReview, _store[stale.Id].Status);
        Assert.Equal("checked again", _store[stale.Id].History[^1].Detail);
    }

    [Fact]
    public async Task A_move_from_current_stops_where_no_row_takes_it()
    {
        var stale = At(Pseudonymised);
        _store.Add(stale);
        var now = (await _store.GetAsync("study-1", stale.Id, default))!;
        await _workflow.MoveAsync(now, Failed, "failed", default);

        Assert.False(await _workflow.MoveFromCurrentAsync(stale, Trigger.Suggest, SuggestionsReady, null, default));
        Assert.Equal(Failed, _store[stale.Id].Status);
    }

    [Fact]
    public async Task A_retry_that_finds_the_work_done_hands_on_and_a_first_delivery_does_not()
    {
        var transcript = At(Pseudonymised, Kind.Source);

        await _workflow.HandOnIfRetryAsync(transcript, dequeueCount: 1, default);
        Assert.Empty(_queues.Sent);

        await _workflow.HandOnIfRetryAsync(transcript, dequeueCount: 2, default);
        Assert.Equal([StageTable.TranslationCheck.Queue], _queues.Sent.Select(s => s.Queue));
    }

    [Fact]
    public async Task A_move_records_the_time_of_the_clock()
    {
        var transcript = At(Received);
        _store.Add(transcript);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _workflow.MoveAsync(transcript, Parsed, null, default);

        Assert.Equal(_clock.GetUtcNow(), _store[transcript.Id].UpdatedAt);
        Assert.Equal([StageTable.Pseudonymise.Queue], _queues.Sent.Select(s => s.Queue));
    }
}
