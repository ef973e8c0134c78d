using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PipelineFunctions.App.Language;

/// <summary>
/// A small client for the Azure AI Language REST API (<c>:analyze-text</c>), on Azure.Core's HTTP pipeline, shaped like
/// the SDK's <c>TextAnalyticsClient</c>: key or token credential, retries (429 honours Retry-After) and failures as
/// <see cref="RequestFailedException"/>. Every call opts out of service logging and counts offsets in UTF-16 units.
/// The service takes at most 5 documents of at most 5,120 characters per call; longer input is split here.
/// </summary>
public class LanguageClient
{
    public const int MaxDocumentsPerCall = 5;
    public const int MaxCharactersPerDocument = 5120;

    readonly Uri _endpoint;
    readonly HttpPipeline _pipeline;
    readonly string _version;

    public LanguageClient(Uri endpoint, AzureKeyCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, options ?? new LanguageClientOptions(), new SubscriptionKeyPolicy(credential)) { }

    public LanguageClient(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, options ?? new LanguageClientOptions(), new BearerTokenAuthenticationPolicy(credential, "https://cognitiveservices.azure.com/.default")) { }

    LanguageClient(Uri endpoint, LanguageClientOptions options, HttpPipelinePolicy authentication)
    {
        _endpoint = endpoint;
        _version = options.Version;
        _pipeline = HttpPipelineBuilder.Build(options, authentication);
    }

    /// <summary>For mocking, as the SDK's clients allow.</summary>
    protected LanguageClient()
    {
        _endpoint = new Uri("https://localhost");
        _pipeline = HttpPipelineBuilder.Build(new LanguageClientOptions());
        _version = "";
    }

    /// <summary>PII entities in each text, offsets into that text, whatever its length.</summary>
    public virtual async Task<IReadOnlyList<PiiDocumentResult>> RecognizePiiEntitiesAsync(IReadOnlyList<string> texts, string language, CancellationToken cancellationToken = default)
    {
        var chunks = texts.SelectMany((text, i) => TextChunks.Split(text, MaxCharactersPerDocument).Select(c => (Document: i, c.Offset, c.Text))).ToList();
        var found = texts.Select(_ => new List<PiiEntity>()).ToList();
        var errors = new string?[texts.Count];
        foreach (var batch in chunks.Chunk(MaxDocumentsPerCall))
        {
            var body = new JsonObject
            {
                ["kind"] = "PiiEntityRecognition",
                ["analysisInput"] = new JsonObject
                {
                    ["documents"] = new JsonArray(batch.Select((c, i) => (JsonNode)new JsonObject { ["id"] = i.ToString(), ["language"] = language, ["text"] = c.Text }).ToArray()),
                },
                ["parameters"] = new JsonObject { ["modelVersion"] = "latest", ["loggingOptOut"] = true, ["stringIndexType"] = "Utf16CodeUnit" },
            };
            var results = (await SendAsync(body, cancellationToken))["results"]!;
            foreach (var doc in results["documents"]!.AsArray())
            {
                var chunk = batch[int.Parse((string)doc!["id"]!)];
                found[chunk.Document].AddRange(doc["entities"]!.AsArray().Select(e => new PiiEntity((string)e!["text"]!, (string)e["category"]!,
                    (string?)e["subcategory"], chunk.Offset + (int)e["offset"]!, (int)e["length"]!, (double)e["confidenceScore"]!)));
            }
            foreach (var error in results["errors"]?.AsArray() ?? [])
                errors[batch[int.Parse((string)error!["id"]!)].Document] = (string?)error["error"]?["code"] ?? "Unknown";
        }
        return found.Select((entities, i) => new PiiDocumentResult(i.ToString(), entities, errors[i])).ToList();
    }

    async Task<JsonNode> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        var uri = new RequestUriBuilder();
        uri.Reset(_endpoint);
        uri.AppendPath("/language/:analyze-text", escape: false);
        uri.AppendQuery("api-version", _version);
        request.Uri = uri;
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        await _pipeline.SendAsync(message, cancellationToken);
        if (message.Response.IsError) throw new RequestFailedException(message.Response);
        return JsonNode.Parse(message.Response.Content.ToString()) ?? throw new JsonException("The Language service answered with no JSON.");
    }
}
