using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;
using static PipelineFunctions.App.Tests.Workflow.Transcripts;

namespace PipelineFunctions.App.Tests.Workflow;

public sealed class TransitionTableTests
{
    [Theory]
    [InlineData(Parsed, Kind.Single, "pseudonymise")]
    [InlineData(Pseudonymised, Kind.Single, "suggest")]
    [InlineData(Pseudonymised, Kind.Source, "translation-check")]
    [InlineData(Pseudonymised, Kind.Translation, "translation-check")]
    [InlineData(TranslationApproved, Kind.Translation, "suggest")]
    [InlineData(TranslationApproved, Kind.Source, null)]
    [InlineData(AwaitingTranslationCheck, Kind.Source, null)]
    [InlineData(AwaitingTranslationReview, Kind.Translation, null)]
    [InlineData(SuggestionsReady, Kind.Single, null)]
    [InlineData(Received, Kind.Single, null)]
    [InlineData(Failed, Kind.Single, null)]
    public void Arriving_at_a_status_queues_the_stage_the_table_names(TranscriptStatus status, Kind kind, string? stage)
    {
        Assert.Equal(stage, StageTable.Next(At(status, kind), status)?.Name);
    }

    [Theory]
    [InlineData(Trigger.Ingest, Received, Kind.Single, StageStep.Run)]
    [InlineData(Trigger.Ingest, Parsed, Kind.Single, StageStep.Done)]
    [InlineData(Trigger.Ingest, SuggestionsReady, Kind.Single, StageStep.Passed)]
    [InlineData(Trigger.Ingest, Rejected, Kind.Single, StageStep.Passed)]
    [InlineData(Trigger.Pseudonymise, Parsed, Kind.Single, StageStep.Run)]
    [InlineData(Trigger.Pseudonymise, Pseudonymised, Kind.Single, StageStep.Done)]
    [InlineData(Trigger.Pseudonymise, Received, Kind.Single, StageStep.Early)]
    [InlineData(Trigger.Pseudonymise, SuggestionsReady, Kind.Single, StageStep.Passed)]
    [InlineData(Trigger.Pseudonymise, TranslationApproved, Kind.Translation, StageStep.Passed)]
    [InlineData(Trigger.Pseudonymise, Failed, Kind.Single, StageStep.Passed)]
    [InlineData(Trigger.CheckTranslation, Pseudonymised, Kind.Source, StageStep.Run)]
    [InlineData(Trigger.CheckTranslation, AwaitingTranslationCheck, Kind.Source, StageStep.Run)]
    [InlineData(Trigger.CheckTranslation, AwaitingTranslationReview, Kind.Source, StageStep.Done)]
    [InlineData(Trigger.CheckTranslation, TranslationQueried, Kind.Translation, StageStep.Passed)]
    [InlineData(Trigger.CheckTranslation, Parsed, Kind.Translation, StageStep.Early)]
    [InlineData(Trigger.Suggest, Pseudonymised, Kind.Single, StageStep.Run)]
    [InlineData(Trigger.Suggest, TranslationApproved, Kind.Translation, StageStep.Run)]
    [InlineData(Trigger.Suggest, SuggestionsReady, Kind.Single, StageStep.Done)]
    [InlineData(Trigger.Suggest, Parsed, Kind.Single, StageStep.Early)]
    [InlineData(Trigger.Suggest, Superseded, Kind.Translation, StageStep.Passed)]
    [InlineData(Trigger.Suggest, AwaitingTranslationReview, Kind.Translation, StageStep.Passed)]
    public void A_stage_s_guard_is_read_from_the_table(
        Trigger stage,
        TranscriptStatus status,
        Kind kind,
        StageStep step
    )
    {
        Assert.Equal(step, Transitions.StepFor(stage, At(status, kind)));
    }

    [Fact]
    public void Stages_are_in_the_order_of_their_first_rows()
    {
        var order = Transitions
            .All.Select(r => r.Trigger)
            .Where(t => StageTable.All.Any(s => s.Trigger == t))
            .Distinct();
        Assert.Equal(StageTable.All.Select(s => s.Trigger), order);
    }

    [Fact]
    public void Every_stage_takes_a_transcript_from_some_status_by_itself()
    {
        Assert.All(
            StageTable.All,
            s => Assert.Contains(Transitions.Of(s.Trigger), r => r.Hand is Hand.Queued or Hand.Upload)
        );
    }

    [Fact]
    public void Every_status_but_the_bookkeeping_ones_is_reached_from_received_by_forward_rows()
    {
        foreach (var status in Enum.GetValues<TranscriptStatus>().Where(s => !Transitions.Endings.Contains(s)))
            Assert.True(status.IsAtLeast(Received), $"{status} is not reached from Received");
    }

    [Fact]
    public void The_main_line_is_ordered()
    {
        TranscriptStatus[] line =
        [
            Received,
            Parsed,
            Pseudonymised,
            AwaitingTranslationCheck,
            AwaitingTranslationReview,
            TranslationApproved,
            SuggestionsReady,
        ];
        for (var i = 0; i < line.Length; i++)
        for (var j = 0; j < line.Length; j++)
            Assert.True(line[i].IsAtLeast(line[j]) == (i >= j), $"{line[i]} at least {line[j]}: expected {i >= j}");
    }

    [Theory]
    [InlineData(Rejected)]
    [InlineData(Failed)]
    [InlineData(Superseded)]
    public void An_ending_counts_as_past_every_status(TranscriptStatus ending)
    {
        Assert.All(Enum.GetValues<TranscriptStatus>(), s => Assert.True(ending.IsAtLeast(s)));
    }

    [Theory]
    [InlineData(Received, Parsed, true)]
    [InlineData(Received, Rejected, true)]
    [InlineData(Parsed, SuggestionsReady, false)]
    [InlineData(Received, SuggestionsReady, false)]
    [InlineData(SuggestionsReady, Parsed, true)] // a correction
    [InlineData(Rejected, Parsed, false)]
    [InlineData(Failed, Pseudonymised, true)] // a replay
    [InlineData(Superseded, Parsed, false)]
    [InlineData(AwaitingTranslationReview, TranslationApproved, true)]
    [InlineData(AwaitingTranslationCheck, TranslationApproved, false)]
    [InlineData(TranslationQueried, TranslationQueried, true)]
    public void A_move_is_allowed_only_where_a_row_says_so(TranscriptStatus from, TranscriptStatus to, bool allowed)
    {
        Assert.Equal(allowed, Transitions.Allows(from, to));
    }

    [Fact]
    public void The_sweep_looks_at_the_statuses_a_stage_takes_a_transcript_from_by_itself()
    {
        Assert.Equal(
            new[] { Received, Parsed, Pseudonymised, TranslationApproved }.Order(),
            Transitions.Waiting.Order()
        );
    }

    [Fact]
    public void Pseudonymisation_takes_a_parsed_transcript_to_pseudonymised()
    {
        Assert.Equal(Pseudonymised, Transitions.Target(Trigger.Pseudonymise, Parsed, At(Parsed), new StudyDocument()));
        Assert.Null(Transitions.Target(Trigger.Pseudonymise, Pseudonymised, At(Pseudonymised)));
    }

    [Fact]
    public void Rows_for_people_and_bookkeeping_hand_nothing_to_a_stage()
    {
        Assert.All(
            Transitions.All.Where(r => r.Hand is Hand.Person or Hand.Pipeline),
            r => Assert.DoesNotContain(StageTable.All, s => s.Trigger == r.Trigger)
        );
    }

    [Fact]
    public void Every_stage_has_its_queue_and_function_in_the_table_once()
    {
        Assert.Equal(StageTable.All.Count, StageTable.All.Select(s => s.Queue).Distinct().Count());
        Assert.All(StageTable.All, s => Assert.Same(s, StageTable.ByQueue(s.Queue)));
        Assert.All(StageTable.All, s => Assert.Same(s, StageTable.ByFunction(s.Function)));
        Assert.All(StageTable.All, s => Assert.Equal(s.Queue + "-poison", s.PoisonQueue));
    }
}
