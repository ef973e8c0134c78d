using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Recovery;

public enum ReplayOutcome
{
    Replayed,
    UnknownQueue,
    NotFound,
    NoTranscript,
    NotYourStudy,
}

/// <summary>What a replay does: the status a Failed transcript returns to, whether it is handed on, whether the message
/// is sent again.</summary>
public sealed record ReplayPlan(TranscriptStatus? ResetTo, bool HandOn, bool Resend);

public sealed record ReplayResult(
    ReplayOutcome Outcome,
    string Message,
    string? StudyId = null,
    string? TranscriptId = null
);

/// <summary>
/// An admin's replay of a poison message: it goes back to its stage queue, and a transcript the stage marked Failed
/// returns to the status it failed from, so the stage runs it again. Audit-logged before anything moves. Only a
/// message that names its transcript (a stage message, or an upload event whose blob names it) can be replayed: a
/// garbled one would only fail again, and there would be no study to audit it under.
/// </summary>
public sealed class PoisonReplay(
    PipelineQueues queues,
    TranscriptStore transcripts,
    TranscriptWorkflow workflow,
    AuditLog audit
)
{
    static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    public async Task<ReplayResult> ReplayAsync(
        string queue,
        string messageId,
        ClaimsPrincipal user,
        HttpContext? http,
        CancellationToken ct
    )
    {
        if (StageTable.ByQueue(queue) is not { } stage)
            return new(ReplayOutcome.UnknownQueue, $"There is no stage queue '{queue}'.");
        var poison = queues.Get(PipelineQueues.PoisonOf(queue));
        var (message, held) = await FindAsync(poison, messageId, ct);
        try
        {
            if (message is null)
                return new(
                    ReplayOutcome.NotFound,
                    $"Message {messageId} is not in {PipelineQueues.PoisonOf(queue)} (replayed already?)."
                );
            var body = message.Body.ToString();
            if (TranscriptOf(body) is not var (studyId, transcriptId))
                return new(
                    ReplayOutcome.NoTranscript,
                    "This message names no transcript; replaying it would only fail again."
                );
            if (!user.MayReachStudy(studyId))
                return new(ReplayOutcome.NotYourStudy, $"You are not part of study '{studyId}'.");

            await audit.RecordAsync(
                user,
                http,
                studyId,
                "replay-poison",
                $"queue:{queue}:message:{messageId}:transcript:{transcriptId}",
                ct
            );
            using var activity = PipelineTelemetry.Source.StartActivity(
                "ReplayPoisonMessage",
                ActivityKind.Internal,
                default(ActivityContext),
                links: PipelineTelemetry.ParentOf(body) is { TraceId: var trace } original && trace != default
                    ? [new ActivityLink(original)]
                    : null
            );
            activity?.SetTag(PipelineTelemetry.Tags.Queue, queue);
            activity?.SetTag(PipelineTelemetry.Tags.StudyId, studyId);
            activity?.SetTag(PipelineTelemetry.Tags.TranscriptId, transcriptId);

            var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
            var plan = Plan(transcript, stage);
            if (plan.ResetTo is { } resetTo)
                await workflow.MoveAsync(
                    transcript!,
                    resetTo,
                    $"Replayed from {stage.PoisonQueue} by {user.Identity?.Name ?? "an admin"}.",
                    ct
                );
            if (plan.HandOn)
                await workflow.HandOnAsync(transcript!, ct);
            else if (plan.Resend)
            {
                if (queue != PipelineQueues.Ingest && Read(body) is { } ids)
                    await queues.SendAsync(queue, ids with { Traceparent = null }, ct);
                else
                    await queues.SendTextAsync(queue, body, ct);
            }
            await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            held.Remove(message);
            return new(
                ReplayOutcome.Replayed,
                plan.ResetTo is null
                    ? $"Sent back to {queue}."
                    : $"Sent back to {queue}; transcript {transcriptId} is {plan.ResetTo} again.",
                studyId,
                transcriptId
            );
        }
        finally
        {
            // The others we looked through become visible again at once.
            foreach (var other in held)
                await poison.UpdateMessageAsync(
                    other.MessageId,
                    other.PopReceipt,
                    visibilityTimeout: TimeSpan.Zero,
                    cancellationToken: CancellationToken.None
                );
        }
    }

    /// <summary>
    /// What a replay does for the transcript the message names. A Failed transcript returns to the status it failed
    /// from (the replay row of the table); that move queues what its status needs, so the message itself is sent again
    /// only when that is not its own stage. A transcript whose stage died after its status write (the worker killed on
    /// every try) is handed to whatever its status needs next: the replayed message would be a first delivery, which a
    /// stage that finds its work done takes for a duplicate. Otherwise the message goes back as it was.
    /// </summary>
    public static ReplayPlan Plan(TranscriptDocument? transcript, Stage stage)
    {
        if (
            transcript is { Status: TranscriptStatus.Failed }
            && transcript.History.LastOrDefault(h => h.Status != TranscriptStatus.Failed) is { } before
            && Transitions.Allows(TranscriptStatus.Failed, before.Status)
        )
            return new(before.Status, HandOn: false, Resend: StageTable.Next(transcript, before.Status) != stage);
        if (transcript is not null && StageTable.Next(transcript, transcript.Status) is not null)
            return new(null, HandOn: true, Resend: false);
        return new(null, HandOn: false, Resend: true);
    }

    /// <summary>Receives (hides) poison messages until the one asked for turns up; all stay held until
    /// released.</summary>
    static async Task<(QueueMessage? Found, List<QueueMessage> Held)> FindAsync(
        Azure.Storage.Queues.QueueClient poison,
        string messageId,
        CancellationToken ct
    )
    {
        var held = new List<QueueMessage>();
        for (var round = 0; round < 10; round++)
        {
            QueueMessage[] batch = await poison.ReceiveMessagesAsync(32, Hold, ct);
            if (batch.Length == 0)
                break;
            held.AddRange(batch);
            if (batch.FirstOrDefault(m => m.MessageId == messageId) is { } found)
                return (found, held);
        }
        return (null, held);
    }

    /// <summary>The study and transcript a stage message or an upload event names.</summary>
    public static (string StudyId, string TranscriptId)? TranscriptOf(string body)
    {
        if (Read(body) is { } ids)
            return (ids.StudyId, ids.TranscriptId);
        // uploads/{study}/{site}/{transcriptId}.{ext}
        if (
            BlobCreatedEvents.UploadedBlobName(body) is { } blob
            && blob.Split('/') is [var study, _, var file]
            && file.Length > 0
        )
            return (study, Path.GetFileNameWithoutExtension(file));
        return null;
    }

    static TranscriptMessage? Read(string body)
    {
        try
        {
            return
                JsonSerializer.Deserialize<TranscriptMessage>(body, JsonSerializerOptions.Web)
                    is { StudyId.Length: > 0, TranscriptId.Length: > 0 } ids
                ? ids
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
