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
        : this(
            endpoint,
            options ?? new LanguageClientOptions(),
            new BearerTokenAuthenticationPolicy(credential, "https://cognitiveservices.azure.com/.default")
        ) { }

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
    public virtual async Task<IReadOnlyList<PiiDocumentResult>> RecognizePiiEntitiesAsync(
        IReadOnlyList<string> texts,
        string language,
        CancellationToken cancellationToken = default
    )
    {
        var chunks = texts
            .SelectMany(
                (text, i) =>
                    TextChunks.Split(text, MaxCharactersPerDocument).Select(c => (Document: i, c.Offset, c.Text))
            )
            .ToList();
        var found = texts.Select(_ => new List<PiiEntity>()).ToList();
        var errors = new string?[texts.Count];
        foreach (var batch in chunks.Chunk(MaxDocumentsPerCall))
        {
            var body = new JsonObject
            {
                ["kind"] = "PiiEntityRecognition",
                ["analysisInput"] = Documents(batch.Select(c => c.Text).ToList(), language),
                ["parameters"] = new JsonObject
                {
                    ["modelVersion"] = "latest",
                    ["loggingOptOut"] = true,
                    ["stringIndexType"] = "Utf16CodeUnit",
                },
            };
            var results = (await SendAsync(body, cancellationToken))["results"]!;
            foreach (var doc in results["documents"]!.AsArray())
            {
                var chunk = batch[int.Parse((string)doc!["id"]!)];
                found[chunk.Document]
                    .AddRange(
                        doc["entities"]!
                            .AsArray()
                            .Select(e => new PiiEntity(
                                (string)e!["text"]!,
                                (string)e["category"]!,
                                (string?)e["subcategory"],
                                chunk.Offset + (int)e["offset"]!,
                                (int)e["length"]!,
                                (double)e["confidenceScore"]!
                            ))
                    );
            }
            foreach (var error in results["errors"]?.AsArray() ?? [])
                errors[batch[int.Parse((string)error!["id"]!)].Document] =
                    (string?)error["error"]?["code"] ?? "Unknown";
        }
        return found.Select((entities, i) => new PiiDocumentResult(i.ToString(), entities, errors[i])).ToList();
    }

    /// <summary>Key phrases of each text (each text at most 5,120 characters is sent; longer ones are split and joined).</summary>
    public virtual async Task<IReadOnlyList<IReadOnlyList<string>>> ExtractKeyPhrasesAsync(
        IReadOnlyList<string> texts,
        string language,
        CancellationToken cancellationToken = default
    )
    {
        var chunks = texts
            .SelectMany(
                (text, i) => TextChunks.Split(text, MaxCharactersPerDocument).Select(c => (Document: i, c.Text))
            )
            .ToList();
        var phrases = texts.Select(_ => new List<string>()).ToList();
        foreach (var batch in chunks.Chunk(MaxDocumentsPerCall))
        {
            var body = new JsonObject
            {
                ["kind"] = "KeyPhraseExtraction",
                ["analysisInput"] = Documents(batch.Select(c => c.Text).ToList(), language),
                ["parameters"] = new JsonObject { ["modelVersion"] = "latest", ["loggingOptOut"] = true },
            };
            foreach (var doc in (await SendAsync(body, cancellationToken))["results"]!["documents"]!.AsArray())
                phrases[batch[int.Parse((string)doc!["id"]!)].Document]
                    .AddRange(doc["keyPhrases"]!.AsArray().Select(k => (string)k!));
        }
        return phrases;
    }

    /// <summary>
    /// Custom multi-label classification through the asynchronous jobs API: submit, follow <c>operation-location</c>
    /// (honouring Retry-After) until the job ends, and read each document's classes with their confidence.
    /// </summary>
    public virtual async Task<
        IReadOnlyList<IReadOnlyList<(string Category, double Confidence)>>
    > ClassifyMultiLabelAsync(
        IReadOnlyList<string> texts,
        string language,
        string projectName,
        string deploymentName,
        CancellationToken cancellationToken = default
    )
    {
        var results = new List<IReadOnlyList<(string, double)>>();
        foreach (
            var batch in texts
                .Select(t => t.Length > MaxCharactersPerDocument ? t[..MaxCharactersPerDocument] : t)
                .Chunk(MaxDocumentsPerCall)
        )
        {
            var body = new JsonObject
            {
                ["displayName"] = "suggest-codes",
                ["analysisInput"] = Documents(batch, language),
                ["tasks"] = new JsonArray(
                    new JsonObject
                    {
                        ["kind"] = "CustomMultiLabelClassification",
                        ["taskName"] = "codes",
                        ["parameters"] = new JsonObject
                        {
                            ["projectName"] = projectName,
                            ["deploymentName"] = deploymentName,
                            ["loggingOptOut"] = true,
                        },
                    }
                ),
            };
            var job = await PollAsync(await SubmitAsync(body, cancellationToken), cancellationToken);
            var documents = job["tasks"]!["items"]![0]!["results"]!["documents"]!.AsArray();
            var byId = documents.ToDictionary(
                d => (string)d!["id"]!,
                d =>
                    (IReadOnlyList<(string, double)>)
                        d!["class"]!
                            .AsArray()
                            .Select(c => ((string)c!["category"]!, (double)c["confidenceScore"]!))
                            .ToList()
            );
            results.AddRange(batch.Select((_, i) => byId.GetValueOrDefault(i.ToString()) ?? []));
        }
        return results;
    }

    static JsonObject Documents(IReadOnlyList<string> texts, string language) =>
        new()
        {
            ["documents"] = new JsonArray(
                texts
                    .Select(
                        (t, i) =>
                            (JsonNode)
                                new JsonObject
                                {
                                    ["id"] = i.ToString(),
                                    ["language"] = language,
                                    ["text"] = t,
                                }
                    )
                    .ToArray()
            ),
        };

    async Task<Uri> SubmitAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var message = Message(RequestMethod.Post, "/language/analyze-text/jobs");
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        await _pipeline.SendAsync(message, cancellationToken);
        if (message.Response.IsError)
            throw new RequestFailedException(message.Response);
        return message.Response.Headers.TryGetValue("operation-location", out var location)
            ? new Uri(location!)
            : throw new RequestFailedException("The Language service accepted the job but gave no operation-location.");
    }

    async Task<JsonNode> PollAsync(Uri operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = _pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(operation);
            await _pipeline.SendAsync(message, cancellationToken);
            if (message.Response.IsError)
                throw new RequestFailedException(message.Response);
            var job = JsonNode.Parse(message.Response.Content.ToString())!;
            switch ((string?)job["status"])
            {
                case "succeeded":
                    return job;
                case "failed" or "cancelled" or "cancelling":
                    throw new RequestFailedException($"The Language job ended as {(string?)job["status"]}.");
            }
            var wait =
                message.Response.Headers.TryGetValue("Retry-After", out var after)
                && int.TryParse(after, out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : PollInterval;
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>How long to wait between polls of a job when the service does not say.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    HttpMessage Message(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        var uri = new RequestUriBuilder();
        uri.Reset(_endpoint);
        uri.AppendPath(path, escape: false);
        uri.AppendQuery("api-version", _version);
        message.Request.Uri = uri;
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Headers.Add("Accept", "application/json");
        return message;
    }

    async Task<JsonNode> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var message = Message(RequestMethod.Post, "/language/:analyze-text");
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        await _pipeline.SendAsync(message, cancellationToken);
        if (message.Response.IsError)
            throw new RequestFailedException(message.Response);
        return JsonNode.Parse(message.Response.Content.ToString())
            ?? throw new JsonException("The Language service answered with no JSON.");
    }
}
