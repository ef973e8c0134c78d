using Microsoft.Extensions.Time.Testing;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;

namespace PipelineFunctions.App.Tests.Workflow;

/// <summary>An approval is the check's write; the pair's moves follow from it and are finished by whoever calls again.</summary>
public sealed class ApprovedPairsTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    readonly InMemoryTranscripts _store;
    readonly InMemoryQueues _queues = new();
    readonly ApprovedPairs _approved;

    public ApprovedPairsTests()
    {
        _store = new(_clock);
        _approved = new(_store, new TranscriptWorkflow(_store, _queues, new InMemorySummaries()));
    }

    TranslationCheckDocument Pair(TranscriptStatus status, TranslationReview review = TranslationReview.Approved)
    {
        _store.Add(
            new TranscriptDocument
            {
                Id = "src",
                StudyId = "study-1",
                Role = PairRole.Source,
                TranslationId = "tr",
                Status = status,
                PseudonymVersion = 1,
            }
        );
        _store.Add(
            new TranscriptDocument
            {
                Id = "tr",
                StudyId = "study-1",
                Role = PairRole.Translation,
                TranslationOf = "src",
                Status = status,
                PseudonymVersion = 2,
            }
        );
        return new()
        {
            Id = "tr",
            StudyId = "study-1",
            SourceId = "src",
            TranslationId = "tr",
            SourceVersion = 1,
            TranslationVersion = 2,
            Review = review,
            DecidedBy = "lead",
        };
    }

    [Theory]
    [InlineData(AwaitingTranslationReview)]
    [InlineData(TranslationQueried)]
    public async Task An_approved_pair_moves_on_and_only_the_translation_goes_to_suggestions(TranscriptStatus from)
    {
        var check = Pair(from);

        Assert.Equal(2, await _approved.FinishAsync(check, default));

        Assert.Equal(TranslationApproved, _store["src"].Status);
        Assert.Equal(TranslationApproved, _store["tr"].Status);
        Assert.Equal([(StageTable.Suggest.Queue, "tr")], _queues.Sent.Select(s => (s.Queue, s.Message.TranscriptId)));
    }

    [Fact]
    public async Task An_approval_that_stopped_after_one_half_moved_is_finished_by_the_next_call_and_a_third_does_nothing()
    {
        var check = Pair(AwaitingTranslationReview);
        // The stop: the source moved, the process died before the translation's move.
        Assert.True(
            await _store.SetStatusAsync(
                "study-1",
                "src",
                AwaitingTranslationReview,
                TranslationApproved,
                null,
                null,
                default
            )
        );

        Assert.Equal(1, await _approved.FinishAsync(check, default));
        Assert.Equal(TranslationApproved, _store["tr"].Status);
        Assert.Equal(0, await _approved.FinishAsync(check, default));

        Assert.Single(_queues.Sent);
        Assert.Single(_store["src"].History, h => h.Status == TranslationApproved);
        Assert.Single(_store["tr"].History, h => h.Status == TranslationApproved);
    }

    [Fact]
    public async Task A_check_not_approved_moves_nothing()
    {
        Assert.Equal(
            0,
            await _approved.FinishAsync(Pair(AwaitingTranslationReview, TranslationReview.Pending), default)
        );
        Assert.Equal(AwaitingTranslationReview, _store["tr"].Status);
        Assert.Empty(_queues.Sent);
    }

    [Fact]
    public async Task A_version_corrected_since_the_approval_waits_for_a_new_decision()
    {
        var check = Pair(AwaitingTranslationReview);
        check.TranslationVersion = 1;

        Assert.Equal(1, await _approved.FinishAsync(check, default));

        Assert.Equal(TranslationApproved, _store["src"].Status);
        Assert.Equal(AwaitingTranslationReview, _store["tr"].Status);
    }

    [Fact]
    public void Each_half_names_the_check_of_its_translation_and_the_sweep_looks_where_an_approval_starts()
    {
        Assert.Equal("tr", ApprovedPairs.CheckIdOf(new TranscriptDocument { Id = "src", TranslationId = "tr" }));
        Assert.Equal("tr", ApprovedPairs.CheckIdOf(new TranscriptDocument { Id = "tr", TranslationOf = "src" }));
        Assert.Equal([AwaitingTranslationReview, TranslationQueried], ApprovedPairs.Deciding.Order());
    }
}
