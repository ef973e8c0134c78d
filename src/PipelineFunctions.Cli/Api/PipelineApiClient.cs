using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Cli.Api;

/// <summary>The few HTTP API calls the CLI makes, each with the API key of the user who would make it.</summary>
public sealed class PipelineApiClient(Uri baseAddress) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>
    /// The study definition of samples/study.json (codebook and roster read from their files) under the given id;
    /// <paramref name="siteCheck"/> overrides the sample's site check (benchmarks measure the machine, not the site).
    /// </summary>
    public static async Task<JsonObject> StudyRequestAsync(
        JsonObject sample,
        string folder,
        string id,
        bool? siteCheck = null
    ) =>
        new()
        {
            ["siteCheck"] = siteCheck ?? (bool?)sample["siteCheck"] ?? true,
            ["id"] = id,
            ["name"] = sample["name"]!.DeepClone(),
            ["sites"] = sample["sites"]!.DeepClone(),
            ["languages"] = sample["languages"]!.DeepClone(),
            ["allowList"] = sample["allowList"]?.DeepClone(),
            ["codebook"] = JsonSerializer.SerializeToNode(
                CodebookJson.Parse(await File.ReadAllTextAsync(Path.Combine(folder, (string)sample["codebookFile"]!))),
                Json
            ),
            ["roster"] = JsonSerializer.SerializeToNode(
                RosterCsv.Parse(await File.ReadAllTextAsync(Path.Combine(folder, (string)sample["rosterFile"]!))),
                Json
            ),
        };

    /// <summary>Creates the study; true when created or already there.</summary>
    public async Task<(bool Ok, string Detail)> CreateStudyAsync(JsonObject study, string apiKey)
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            "/api/studies",
            apiKey,
            new StringContent(study.ToJsonString(Json), System.Text.Encoding.UTF8, "application/json")
        );
        return (
            response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
            $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(
        string studyId,
        string fileName,
        byte[] content,
        string site,
        string language,
        string? translationOf,
        string apiKey
    )
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(site), "site");
        form.Add(new StringContent(language), "language");
        if (translationOf is not null)
            form.Add(new StringContent(translationOf), "translationOf");
        using var response = await SendAsync(HttpMethod.Post, $"/api/studies/{studyId}/transcripts", apiKey, form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    /// <summary>The transcript's summary and history, or null when it cannot be read.</summary>
    public async Task<JsonNode?> TranscriptAsync(string studyId, string transcriptId, string apiKey)
    {
        using var response = await SendAsync(
            HttpMethod.Get,
            $"/api/studies/{studyId}/transcripts/{transcriptId}",
            apiKey,
            null
        );
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    /// <summary>A JSON GET or POST: the status, and the body when there is one.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> JsonAsync(
        HttpMethod method,
        string path,
        string apiKey,
        JsonNode? body = null
    )
    {
        using var response = await SendAsync(
            method,
            path,
            apiKey,
            body is null
                ? null
                : new StringContent(body.ToJsonString(Json), System.Text.Encoding.UTF8, "application/json")
        );
        var text = await response.Content.ReadAsStringAsync();
        return (
            response.StatusCode,
            text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
                ? JsonNode.Parse(text)
                : null
        );
    }

    /// <summary>A GET or a POST of raw bytes: the status, and the body as bytes.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> BytesAsync(
        HttpMethod method,
        string path,
        string apiKey,
        byte[]? body = null
    )
    {
        using var response = await SendAsync(method, path, apiKey, body is null ? null : new ByteArrayContent(body));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A POST of a multipart form: each part a file (bytes, with its file name) or a text value.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> FormAsync(
        string path,
        string apiKey,
        IEnumerable<(string Name, string FileName, byte[] Content)> files,
        IEnumerable<(string Name, string Value)> values
    )
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, name, fileName);
        }
        foreach (var (name, value) in values)
            form.Add(new StringContent(value), name);
        using var response = await SendAsync(HttpMethod.Post, path, apiKey, form);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string apiKey, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
