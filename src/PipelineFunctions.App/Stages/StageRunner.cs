using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.App.Workflow;
using WorkerContext = Microsoft.Azure.Functions.Worker.FunctionContext;

namespace PipelineFunctions.App.Stages;

/// <summary>
/// The frame every stage function runs in: a consumer span continuing the message's trace, metrics per stage and
/// outcome, failures logged by our own message or an exception type only; for transcript messages, the transcript
/// loaded first and marked Failed (with the stage's name) when its last try fails, before the message goes to poison.
/// Throwing fails the invocation so the host retries it; every stage is idempotent, so a replay changes nothing.
/// </summary>
public sealed class StageRunner(
    TranscriptStore transcripts,
    TranscriptWorkflow workflow,
    PipelineSettings settings,
    ILogger<StageRunner> logger
)
{
    public async Task RunAsync(
        Stage stage,
        string message,
        WorkerContext function,
        Func<StageContext, Task> work,
        CancellationToken ct
    )
    {
        var dequeueCount = DequeueCount(function);
        // The message's trace, or a new one: never the host's call into the worker, which is plumbing.
        Activity.Current = null;
        using var activity = PipelineTelemetry.Source.StartActivity(
            stage.Function,
            ActivityKind.Consumer,
            PipelineTelemetry.ParentOf(message)
        );
        activity?.SetTag(PipelineTelemetry.Tags.Function, stage.Function);
        activity?.SetTag(PipelineTelemetry.Tags.Stage, stage.Name);
        activity?.SetTag(PipelineTelemetry.Tags.DequeueCount, dequeueCount);
        activity?.SetTag(PipelineTelemetry.Tags.InvocationId, function.InvocationId);
        var started = Stopwatch.GetTimestamp();
        var context = new StageContext(function.InvocationId, dequeueCount, settings.MaxDequeueCount, logger, activity);
        try
        {
            await work(context);
            Record(activity, stage, "succeeded", started);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only our own messages are safe to repeat; anything else is named by its type alone.
            var what = e is PipelineException ? e.Message : e.GetType().Name;
            logger.LogError(
                "{Function} invocation {InvocationId} failed (try {Try}): {Failure}",
                stage.Function,
                function.InvocationId,
                dequeueCount,
                what
            );
            activity?.SetStatus(ActivityStatusCode.Error, what);
            activity?.SetTag("error.type", e.GetType().Name);
            Record(activity, stage, context.IsLastAttempt ? "poisoned" : "failed", started);
            throw new PipelineException($"{stage.Label} failed: {what}");
        }
    }

    /// <summary>
    /// A stage after ingest: reads the ids, loads the transcript, runs the step if the transition table says the stage
    /// takes it from its status (hands on again on a retry that finds the work done); the last failed try marks it Failed.
    /// </summary>
    public Task RunForTranscriptAsync(
        Stage stage,
        string message,
        WorkerContext function,
        Func<TranscriptDocument, StageContext, Task> step,
        CancellationToken ct
    ) =>
        RunAsync(
            stage,
            message,
            function,
            async context =>
            {
                var ids = Read(message);
                context.Describe(ids.StudyId, ids.TranscriptId);
                var transcript = await transcripts.GetAsync(ids.StudyId, ids.TranscriptId, ct);
                if (transcript is null)
                {
                    context.Log($"{stage.Function}: transcript {ids.TranscriptId} not found; nothing to do.");
                    return;
                }
                try
                {
                    // The stage's guard, from the transition table: only a transcript at a status the stage takes it from is worked on.
                    switch (Transitions.StepFor(stage.Trigger, transcript))
                    {
                        case StageStep.Run:
                            await step(transcript, context);
                            break;
                        case StageStep.Done:
                            await workflow.HandOnIfRetryAsync(transcript, context.DequeueCount, ct);
                            break;
                        case StageStep.Early:
                            throw new PipelineException(
                                $"Transcript {transcript.Id} is {transcript.Status}; {stage.Label} takes it later."
                            );
                        default:
                            context.Log(
                                $"{stage.Function}: transcript {transcript.Id} is {transcript.Status}; nothing to do."
                            );
                            break;
                    }
                }
                catch (Exception e) when (context.IsLastAttempt && !ct.IsCancellationRequested)
                {
                    var why = e is PipelineException ? e.Message : "an internal error";
                    await workflow.MoveAsync(
                        transcript,
                        TranscriptStatus.Failed,
                        $"{stage.Label} failed {context.DequeueCount} times ({why}); an admin can retry it.",
                        ct
                    );
                    throw;
                }
            },
            ct
        );

    /// <summary>The host's dequeue count for this delivery (1 on the first).</summary>
    static int DequeueCount(WorkerContext function) =>
        function.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
        && int.TryParse(value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;

    static TranscriptMessage Read(string message)
    {
        try
        {
            var ids = JsonSerializer.Deserialize<TranscriptMessage>(message, JsonSerializerOptions.Web);
            if (ids is { StudyId.Length: > 0, TranscriptId.Length: > 0 })
                return ids;
        }
        catch (JsonException) { }
        // Thrown, not swallowed: after its retries the message waits in the poison queue for an admin.
        throw new PipelineException("The message is not a transcript message.");
    }

    /// <summary>Outcome on the span; invocations, failures and duration per function, stage and outcome (no ids: they would explode the series).</summary>
    static void Record(Activity? activity, Stage stage, string outcome, long started)
    {
        activity?.SetTag(PipelineTelemetry.Tags.Outcome, outcome);
        var tags = new TagList
        {
            { PipelineTelemetry.Tags.Function, stage.Function },
            { PipelineTelemetry.Tags.Stage, stage.Name },
            { PipelineTelemetry.Tags.Outcome, outcome },
        };
        PipelineTelemetry.Invocations.Add(1, tags);
        if (outcome != "succeeded")
            PipelineTelemetry.Failures.Add(1, tags);
        PipelineTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
