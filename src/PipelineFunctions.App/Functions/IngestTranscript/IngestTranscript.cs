using PipelineFunctions.App.Pipeline;

namespace PipelineFunctions.App.Functions.IngestTranscript;

/// <summary>Triggered by a BlobCreated event for <c>uploads</c>: validates and parses the file into speaker turns.</summary>
public sealed class IngestTranscript(TranscriptIntake intake) : IQueueFunction
{
    public string Name => nameof(IngestTranscript);

    public async Task RunAsync(string message, FunctionContext context, CancellationToken ct)
    {
        var blobName = BlobCreatedEvents.UploadedBlobName(message);
        if (blobName is null)
        {
            // Other events on the topic are expected and not an error; a garbled one is kept in poison for an admin.
            if (!message.TrimStart().StartsWith('{') && !message.TrimStart().StartsWith('['))
                throw new PipelineException("The ingest message is not an Event Grid event.");
            context.Log("Ingest: not a BlobCreated event for uploads; ignored.");
            return;
        }
        await intake.IngestAsync(blobName, context, ct);
    }
}
