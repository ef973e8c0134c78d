using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using PipelineFunctions.App.Language;

namespace PipelineFunctions.Integration.Tests.Language;

/// <summary>
/// The Language client against a real HTTP server on loopback that answers with the documented
/// <c>:analyze-text</c> response shapes and records what it was sent.
/// </summary>
public sealed class LanguageClientContractTests : IAsyncLifetime
{
    readonly ConcurrentQueue<(DateTime At, string Path, string Query, string Key, JsonNode Body)> _requests = new();
    WebApplication? _server;
    Func<JsonNode, int, IResult>? _answer;
    Func<HttpContext, int, IResult>? _route;
    int _calls;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async http =>
        {
            if (_route is not null)
            {
                await _route(http, Interlocked.Increment(ref _calls)).ExecuteAsync(http);
                return;
            }
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            _requests.Enqueue(
                (
                    DateTime.UtcNow,
                    http.Request.Path,
                    http.Request.QueryString.Value ?? "",
                    http.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(),
                    body
                )
            );
            await _answer!(body, Interlocked.Increment(ref _calls)).ExecuteAsync(http);
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    LanguageClient Client(string key = "test-key")
    {
        var options = new LanguageClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        return new LanguageClient(new Uri(_server!.Urls.First()), new AzureKeyCredential(key), options);
    }

    /// <summary>The documented PiiEntityRecognitionResults shape: every "Okello" found, plus one per-document error if asked.</summary>
    static IResult Documented(JsonNode request, string? failId = null)
    {
        var documents = request["analysisInput"]!["documents"]!
            .AsArray()
            .Where(d => (string?)d!["id"] != failId)
            .Select(d =>
            {
                var text = (string)d!["text"]!;
                var entities = new JsonArray();
                for (
                    var at = text.IndexOf("Okello", StringComparison.Ordinal);
                    at >= 0;
                    at = text.IndexOf("Okello", at + 1, StringComparison.Ordinal)
                )
                    entities.Add(
                        new JsonObject
                        {
                            ["text"] = "Okello",
                            ["category"] = "Person",
                            ["offset"] = at,
                            ["length"] = 6,
                            ["confidenceScore"] = 0.98,
                        }
                    );
                return (JsonNode)
                    new JsonObject
                    {
                        ["id"] = (string)d["id"]!,
                        ["redactedText"] = text.Replace("Okello", "******"),
                        ["entities"] = entities,
                        ["warnings"] = new JsonArray(),
                    };
            })
            .ToArray();
        var errors = failId is null
            ? new JsonArray()
            : new JsonArray(
                new JsonObject
                {
                    ["id"] = failId,
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = "Invalid document in request.",
                    },
                }
            );
        return Results.Json(
            new JsonObject
            {
                ["kind"] = "PiiEntityRecognitionResults",
                ["results"] = new JsonObject
                {
                    ["documents"] = new JsonArray(documents),
                    ["errors"] = errors,
                    ["modelVersion"] = "2023-09-01",
                },
            }
        );
    }

    [Fact]
    public async Task Sends_the_documented_request_with_logging_opt_out_and_utf16_offsets()
    {
        _answer = (body, _) => Documented(body);
        var results = await Client().RecognizePiiEntitiesAsync(["I met Okello at the ward.", "Nothing here."], "en");

        var (_, path, query, key, body) = Assert.Single(_requests);
        Assert.Equal("/language/:analyze-text", path);
        Assert.Equal("?api-version=2023-04-01", query);
        Assert.Equal("test-key", key);
        Assert.Equal("PiiEntityRecognition", (string?)body["kind"]);
        Assert.True((bool)body["parameters"]!["loggingOptOut"]!);
        Assert.Equal("Utf16CodeUnit", (string?)body["parameters"]!["stringIndexType"]);
        Assert.Equal(new PiiEntity("Okello", "Person", null, 6, 6, 0.98), Assert.Single(results[0].Entities));
        Assert.Empty(results[1].Entities);
    }

    [Fact]
    public async Task Splits_into_calls_of_five_documents_of_at_most_5120_characters_and_maps_offsets_back()
    {
        _answer = (body, _) => Documented(body);
        var longText = string.Concat(Enumerable.Repeat("The ward is busy today. ", 600)) + "Then Okello came.";
        var texts = Enumerable.Range(0, 7).Select(i => $"Turn {i}: Okello spoke.").Append(longText).ToList();

        var results = await Client().RecognizePiiEntitiesAsync(texts, "en");

        Assert.All(
            _requests,
            r =>
            {
                var documents = r.Body["analysisInput"]!["documents"]!.AsArray();
                Assert.InRange(documents.Count, 1, 5);
                Assert.All(documents, d => Assert.True(((string)d!["text"]!).Length <= 5120));
            }
        );
        // Seven short texts and one of three chunks: ten documents, two calls.
        Assert.Equal(2, _requests.Count);
        var entity = Assert.Single(results[7].Entities);
        Assert.Equal("Okello", longText.Substring(entity.Offset, entity.Length));
        Assert.All(results.Take(7), r => Assert.Single(r.Entities));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_the_service_asks_for()
    {
        _answer = (body, call) =>
            call == 1
                ? new RetryAfter(
                    Results.Json(
                        new { error = new { code = "429", message = "Rate limit is exceeded." } },
                        statusCode: 429
                    )
                )
                : Documented(body);
        var results = await Client().RecognizePiiEntitiesAsync(["Okello again."], "en");
        Assert.Single(results[0].Entities);
        var times = _requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(
            times[1] - times[0] >= TimeSpan.FromMilliseconds(900),
            $"retried after {(times[1] - times[0]).TotalMilliseconds} ms"
        );
    }

    [Fact]
    public async Task A_per_document_error_is_reported_for_that_document_only()
    {
        _answer = (body, _) => Documented(body, failId: "1");
        var results = await Client().RecognizePiiEntitiesAsync(["Okello.", "Broken.", "Okello too."], "en");
        Assert.Null(results[0].ErrorCode);
        Assert.Equal("InvalidArgument", results[1].ErrorCode);
        Assert.Single(results[2].Entities);
    }

    [Fact]
    public async Task An_unauthorised_call_fails_without_the_text_in_the_exception()
    {
        _answer = (_, _) =>
            Results.Json(
                new { error = new { code = "401", message = "Access denied due to invalid subscription key." } },
                statusCode: 401
            );
        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Client("wrong").RecognizePiiEntitiesAsync(["Secret name Nakato Sarah."], "en")
        );
        Assert.Equal(401, e.Status);
        Assert.DoesNotContain("Nakato", e.ToString());
    }

    [Fact]
    public async Task Key_phrases_come_back_per_text()
    {
        _answer = (body, _) =>
            Results.Json(
                new JsonObject
                {
                    ["kind"] = "KeyPhraseExtractionResults",
                    ["results"] = new JsonObject
                    {
                        ["documents"] = new JsonArray(
                            body["analysisInput"]!["documents"]!
                                .AsArray()
                                .Select(d =>
                                    (JsonNode)
                                        new JsonObject
                                        {
                                            ["id"] = (string)d!["id"]!,
                                            ["keyPhrases"] = new JsonArray("peer support", "supervisor"),
                                            ["warnings"] = new JsonArray(),
                                        }
                                )
                                .ToArray()
                        ),
                        ["errors"] = new JsonArray(),
                        ["modelVersion"] = "2022-10-01",
                    },
                }
            );
        var phrases = await Client().ExtractKeyPhrasesAsync(["My supervisor backs peer support."], "en");
        Assert.Equal(["peer support", "supervisor"], phrases[0]);
        var request = Assert.Single(_requests);
        Assert.Equal("KeyPhraseExtraction", (string?)request.Body["kind"]);
        Assert.True((bool)request.Body["parameters"]!["loggingOptOut"]!);
    }

    [Fact]
    public async Task Custom_classification_submits_a_job_and_polls_it_to_the_end()
    {
        var polls = 0;
        JsonNode? submitted = null;
        _route = (http, _) =>
        {
            if (http.Request.Method == "POST")
            {
                submitted = JsonNode.Parse(new StreamReader(http.Request.Body).ReadToEndAsync().Result);
                http.Response.Headers["operation-location"] =
                    $"{_server!.Urls.First()}/language/analyze-text/jobs/job-1?api-version=2023-04-01";
                return Results.StatusCode(202);
            }
            Assert.Equal("/language/analyze-text/jobs/job-1", http.Request.Path);
            if (++polls < 3)
                return Results.Json(
                    new
                    {
                        jobId = "job-1",
                        status = "running",
                        tasks = new { completed = 0, total = 1 },
                    }
                );
            return Results.Json(
                new JsonObject
                {
                    ["jobId"] = "job-1",
                    ["status"] = "succeeded",
                    ["tasks"] = new JsonObject
                    {
                        ["completed"] = 1,
                        ["total"] = 1,
                        ["items"] = new JsonArray(
                            new JsonObject
                            {
                                ["kind"] = "CustomMultiLabelClassificationLROResults",
                                ["taskName"] = "codes",
                                ["status"] = "succeeded",
                                ["results"] = new JsonObject
                                {
                                    ["documents"] = new JsonArray(
                                        new JsonObject
                                        {
                                            ["id"] = "0",
                                            ["class"] = new JsonArray(
                                                new JsonObject
                                                {
                                                    ["category"] = "supportive-figures",
                                                    ["confidenceScore"] = 0.91,
                                                }
                                            ),
                                            ["warnings"] = new JsonArray(),
                                        }
                                    ),
                                    ["errors"] = new JsonArray(),
                                    ["projectName"] = "codes",
                                    ["deploymentName"] = "prod",
                                },
                            }
                        ),
                    },
                }
            );
        };
        var options = new LanguageClientOptions();
        var client = new LanguageClient(new Uri(_server!.Urls.First()), new AzureKeyCredential("k"), options)
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        var classes = await client.ClassifyMultiLabelAsync(["My supervisor backs me."], "en", "codes", "prod");
        Assert.Equal([("supportive-figures", 0.91)], classes[0]);
        Assert.Equal(3, polls);
        var task = submitted!["tasks"]![0]!;
        Assert.Equal("CustomMultiLabelClassification", (string?)task["kind"]);
        Assert.Equal("prod", (string?)task["parameters"]!["deploymentName"]);
    }

    sealed class RetryAfter(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(http);
        }
    }
}
