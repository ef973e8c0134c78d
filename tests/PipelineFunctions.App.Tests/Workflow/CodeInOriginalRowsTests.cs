using Microsoft.Extensions.Time.Testing;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Workflow;
using static PipelineFunctions.App.Model.TranscriptStatus;
using static PipelineFunctions.App.Tests.Workflow.Transcripts;

namespace PipelineFunctions.App.Tests.Workflow;

/// <summary>An original with no translation, chosen to be coded in its own language: it stands alone and goes on to suggestions.</summary>
public sealed class CodeInOriginalRowsTests
{
    [Fact]
    public async Task The_choice_moves_a_waiting_original_on_to_suggestions_not_back_to_the_check()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryTranscripts(clock);
        var queues = new InMemoryQueues();
        var original = At(AwaitingTranslationCheck, Kind.Source);
        store.Add(original);
        Assert.True(original.AwaitsTranslation);
        // Without the choice, the same move would hand it to the translation check again: the positive control.
        Assert.Equal(StageTable.TranslationCheck, StageTable.Next(original, Pseudonymised));

        original.CodeInOriginal = true;
        Assert.True(
            await new TranscriptWorkflow(store, queues, new InMemorySummaries()).MoveAsync(
                original,
                Pseudonymised,
                null,
                default
            )
        );

        Assert.Equal(
            [(StageTable.Suggest.Queue, original.Id)],
            queues.Sent.Select(s => (s.Queue, s.Message.TranscriptId))
        );
        Assert.Equal(Pseudonymised, store[original.Id].Status);
    }

    [Fact]
    public void Only_a_person_makes_the_choice_and_only_for_an_original_waiting_for_its_translation()
    {
        Assert.Equal(
            [(AwaitingTranslationCheck, Pseudonymised, Hand.Person)],
            Transitions.Of(Trigger.CodeInOriginal).Select(r => (r.From, r.To, r.Hand))
        );
        Assert.False(At(AwaitingTranslationCheck, Kind.Translation).AwaitsTranslation);
        Assert.False(At(AwaitingTranslationReview, Kind.Source).AwaitsTranslation);
        Assert.Null(StalledTranscripts.Stalled(At(AwaitingTranslationCheck, Kind.Source), DateTimeOffset.MaxValue));
    }
}
