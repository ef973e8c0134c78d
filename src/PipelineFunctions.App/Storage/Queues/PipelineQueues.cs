using System.Text.Json;
using Azure.Storage.Queues;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Storage.Queues;

/// <summary>
/// The stage queues. Messages are base64 (the Functions host's default encoding) and carry ids only (and the
/// W3C trace context, which is ids too).
/// Each queue has a <c>-poison</c> twin where messages go after <c>maxDequeueCount</c> failures.
/// </summary>
public sealed class PipelineQueues(PipelineSettings settings) : IStageQueues
{
    public const string Ingest = StageTable.Queues.Ingest;
    public const string Pseudonymise = StageTable.Queues.Pseudonymise;
    public const string TranslationCheck = StageTable.Queues.TranslationCheck;
    public const string Suggest = StageTable.Queues.Suggest;

    /// <summary>The stage queues, from the stage table.</summary>
    public static readonly string[] Names = [.. StageTable.All.Select(s => s.Queue)];

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static readonly QueueClientOptions Options = new() { MessageEncoding = QueueMessageEncoding.Base64 };

    readonly QueueServiceClient _service = AzureClients.IsAccountName(settings.StorageConnection)
        ? new(AzureClients.ServiceUri(settings.StorageConnection, "queue"), AzureClients.Credential, Options)
        : new(settings.StorageConnection, Options);

    public QueueClient Get(string name) => _service.GetQueueClient(name);

    public static string PoisonOf(string queue) => $"{queue}-poison";

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in Names)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken: ct);
            await Get(PoisonOf(name)).CreateIfNotExistsAsync(cancellationToken: ct);
        }
    }

    /// <summary>Hands a transcript to a stage, inside a producer span whose trace context travels in the message.</summary>
    public async Task SendAsync(string queue, TranscriptMessage message, CancellationToken ct)
    {
        using var send = PipelineTelemetry.StartSend(queue, message.StudyId, message.TranscriptId);
        await SendTextAsync(
            queue,
            JsonSerializer.Serialize(
                message with
                {
                    Traceparent = PipelineTelemetry.Traceparent() ?? message.Traceparent,
                },
                Json
            ),
            ct
        );
    }

    /// <summary>Sends text that is JSON already, such as an Event Grid event.</summary>
    public async Task SendTextAsync(string queue, string json, CancellationToken ct) =>
        await Get(queue).SendMessageAsync(json, ct);
}
