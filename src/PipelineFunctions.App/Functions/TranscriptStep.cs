using System.Text.Json;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Functions;

/// <summary>
/// The frame of every stage after ingest: read the ids from the message, load the transcript, run the step;
/// on the last try a failure marks the transcript failed with its reason before the message goes to poison.
/// </summary>
public abstract class TranscriptStep(TranscriptStore transcripts) : IQueueFunction
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public abstract string Name { get; }

    /// <summary>The stage in words, for failure reasons ("pseudonymisation").</summary>
    protected abstract string Stage { get; }

    protected TranscriptStore Transcripts { get; } = transcripts;

    public async Task RunAsync(string message, FunctionContext context, CancellationToken ct)
    {
        var ids = Read(message);
        context.Describe(ids.StudyId, ids.TranscriptId);
        var transcript = await Transcripts.GetAsync(ids.StudyId, ids.TranscriptId, ct);
        if (transcript is null)
        {
            context.Log($"{Name}: transcript {ids.TranscriptId} not found; nothing to do.");
            return;
        }
        try
        {
            await RunAsync(transcript, context, ct);
        }
        catch (Exception e) when (context.IsLastAttempt && !ct.IsCancellationRequested)
        {
            var why = e is PipelineException ? e.Message : "an internal error";
            await Transcripts.SetStatusAsync(transcript.StudyId, transcript.Id, TranscriptStatus.Failed,
                $"{Stage} failed {context.DequeueCount} times ({why}); an admin can retry it.", ct: ct);
            throw;
        }
    }

    protected abstract Task RunAsync(TranscriptDocument transcript, FunctionContext context, CancellationToken ct);

    static TranscriptMessage Read(string message)
    {
        try
        {
            var ids = JsonSerializer.Deserialize<TranscriptMessage>(message, Json);
            if (ids is { StudyId.Length: > 0, TranscriptId.Length: > 0 }) return ids;
        }
        catch (JsonException) { }
        // Thrown, not swallowed: after its retries the message waits in the poison queue for an admin.
        throw new PipelineException("The message is not a transcript message.");
    }
}
