using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineFunctions.App.Keys;
using PipelineFunctions.App.Language;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Stages;
using PipelineFunctions.App.Stages.Pseudonymise;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// Two deliveries of one pseudonymise message, both having read the transcript at Parsed, run the real stage side by
/// side against the real cosmosdb-server and Azurite: the status move is a patch conditional on Parsed, so one moves
/// the
/// transcript and the other loses and queues nothing. Their messages are recorded, not sent, so the app of the suite
/// takes no part.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ConditionalMoveTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Of_two_deliveries_racing_one_moves_the_transcript_and_the_other_does_nothing_more()
    {
        var study = await fixture.CreateStudyAsync();
        var id = await ParsedTranscriptAsync(study);
        var queues = new RecordingQueues();
        var stage = Stage(queues);
        var first = (await fixture.Transcripts.GetAsync(study, id, default))!;
        var second = (await fixture.Transcripts.GetAsync(study, id, default))!;
        var logs = new[] { new ListLogger(), new ListLogger() };

        await Task.WhenAll(
            stage.PseudonymiseAsync(first, new StageContext("first", 1, 5, logs[0], null), default),
            stage.PseudonymiseAsync(second, new StageContext("second", 1, 5, logs[1], null), default)
        );

        var after = (await fixture.Transcripts.GetAsync(study, id, default))!;
        Assert.Equal(TranscriptStatus.Pseudonymised, after.Status);
        Assert.Single(after.History, h => h.Status == TranscriptStatus.Pseudonymised);
        Assert.Equal(1, after.PseudonymVersion);
        // One delivery handed on, the other said it lost the move and handed on nothing.
        Assert.Equal(
            [(App.Storage.Queues.PipelineQueues.Suggest, id)],
            queues.Sent.Select(s => (s.Queue, s.Message.TranscriptId))
        );
        Assert.Single(logs, l => l.Lines.Any(line => line.Contains("pseudonymised v1", StringComparison.Ordinal)));
        Assert.Single(
            logs,
            l => l.Lines.Any(line => line.Contains("moved meanwhile by another delivery", StringComparison.Ordinal))
        );
        // The loser's writes were the same documents: one segment per turn, no duplicates, all of version 1.
        var segments = await new ReviewStore(fixture.Cosmos).SegmentsAsync(id, default);
        Assert.Equal(after.TurnCount, segments.Count);
        Assert.Equal(segments.Count, segments.Select(s => s.Id).Distinct().Count());
        Assert.All(segments, s => Assert.Equal(1, s.PseudonymVersion));
    }

    [Fact]
    public async Task A_move_from_a_status_the_transcript_has_left_is_refused_by_the_server()
    {
        var study = await fixture.CreateStudyAsync();
        var id = await ParsedTranscriptAsync(study);
        var moved = await fixture.Transcripts.SetStatusAsync(
            study,
            id,
            TranscriptStatus.Parsed,
            TranscriptStatus.Pseudonymised,
            null,
            null,
            default
        );
        var again = await fixture.Transcripts.SetStatusAsync(
            study,
            id,
            TranscriptStatus.Parsed,
            TranscriptStatus.Pseudonymised,
            null,
            null,
            default
        );

        Assert.True(moved);
        Assert.False(again);
        var after = (await fixture.Transcripts.GetAsync(study, id, default))!;
        Assert.Single(after.History, h => h.Status == TranscriptStatus.Pseudonymised);
    }

    /// <summary>A transcript whose ingest is done: its parsed text stored, its document at Parsed, no message
    /// queued.</summary>
    async Task<string> ParsedTranscriptAsync(string study)
    {
        var id = $"t-race-{Guid.NewGuid():n}"[..22];
        var parsed = Core.Transcripts.TranscriptReader.Read(
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt")
        );
        await new TranscriptTexts(fixture.Blobs).SaveParsedAsync(id, parsed, default);
        var now = DateTimeOffset.UtcNow;
        await fixture.Cosmos.Transcripts.CreateItemAsync(
            new TranscriptDocument
            {
                Id = id,
                StudyId = study,
                SiteId = "dar-es-salaam",
                Language = "en",
                FileName = "a.txt",
                Status = TranscriptStatus.Parsed,
                TurnCount = parsed.Turns.Count,
                ReceivedAt = now,
                UpdatedAt = now,
                History = [new(TranscriptStatus.Received, now), new(TranscriptStatus.Parsed, now)],
            },
            new Microsoft.Azure.Cosmos.PartitionKey(study)
        );
        return id;
    }

    PseudonymiseTranscript Stage(RecordingQueues queues)
    {
        var settings = new PipelineSettings
        {
            StorageConnection = fixture.Settings.StorageConnection,
            PseudonymMasterKey = fixture.Environment["Pipeline__PseudonymMasterKey"],
            KeyEncryptionKey = fixture.Environment["Pipeline__KeyEncryptionKey"],
        };
        var workflow = new TranscriptWorkflow(
            fixture.Transcripts,
            queues,
            new StudySummaryStore(fixture.Cosmos, TimeProvider.System)
        );
        return new PseudonymiseTranscript(
            new StageRunner(fixture.Transcripts, workflow, settings, NullLogger<StageRunner>.Instance),
            new StudyStore(fixture.Cosmos),
            new TranscriptTexts(fixture.Blobs),
            new PseudonymBookStore(fixture.Cosmos),
            new ReviewStore(fixture.Cosmos),
            new SearchIndexStore(fixture.Cosmos),
            workflow,
            new StudyKeys(settings),
            new AzurePiiDetections(settings),
            new App.Coding.AnchoredCodings(
                new CodingStore(fixture.Cosmos),
                new ReviewStore(fixture.Cosmos),
                new TranscriptTexts(fixture.Blobs),
                new StudyKeys(settings)
            )
        );
    }

    sealed class RecordingQueues : IStageQueues
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Queue, TranscriptMessage Message)> Sent { get; } =
            new();

        public Task SendAsync(string queue, TranscriptMessage message, CancellationToken ct)
        {
            Sent.Enqueue((queue, message));
            return Task.CompletedTask;
        }
    }

    sealed class ListLogger : ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) => Lines.Enqueue(formatter(state, exception));
    }
}
