using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>run-sample</c>: creates the sample study through the HTTP API, uploads its transcripts as the sites would,
/// waits until each reaches its expected state and prints a status table. Exit 0 only if every one did.
/// </summary>
public sealed class RunSampleCommand : ICliCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Name => "run-sample";
    public string Usage => "run-sample --url <app url> --study <samples/study.json> [--timeout <seconds>]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var url = new Uri(parsed.Required("url"));
        var studyFile = Path.GetFullPath(parsed.Required("study"));
        var timeout = TimeSpan.FromSeconds(int.Parse(parsed.Option("timeout") ?? "180", System.Globalization.CultureInfo.InvariantCulture));
        var folder = Path.GetDirectoryName(studyFile)!;
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(studyFile))!.AsObject();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(100) };
        var studyId = (string)sample["id"]!;

        var create = new JsonObject
        {
            ["id"] = studyId,
            ["name"] = sample["name"]!.DeepClone(),
            ["sites"] = sample["sites"]!.DeepClone(),
            ["languages"] = sample["languages"]!.DeepClone(),
            ["allowList"] = sample["allowList"]?.DeepClone(),
            ["codebook"] = JsonSerializer.SerializeToNode(CodebookJson.Parse(await File.ReadAllTextAsync(Path.Combine(folder, (string)sample["codebookFile"]!))), Json),
            ["roster"] = JsonSerializer.SerializeToNode(RosterCsv.Parse(await File.ReadAllTextAsync(Path.Combine(folder, (string)sample["rosterFile"]!))), Json),
        };
        using (var response = await SendAsync(http, HttpMethod.Post, "/api/studies", (string)sample["studyLeadKey"]!, JsonContent(create)))
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                await stderr.WriteLineAsync($"run-sample: creating study {studyId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return 1;
            }

        var rows = new List<Row>();
        var ids = new Dictionary<string, string>();
        foreach (var upload in sample["uploads"]!.AsArray().Select(u => u!.AsObject()))
        {
            var row = new Row((string)upload["key"]!, (string)upload["file"]!, (string)upload["site"]!, (string)upload["expected"]!);
            rows.Add(row);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, row.File)));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", Path.GetFileName(row.File));
            form.Add(new StringContent(row.Site), "site");
            form.Add(new StringContent((string)upload["language"]!), "language");
            if ((string?)upload["translationOf"] is { } sourceKey && ids.TryGetValue(sourceKey, out var sourceId))
                form.Add(new StringContent(sourceId), "translationOf");
            using var response = await SendAsync(http, HttpMethod.Post, $"/api/studies/{studyId}/transcripts", (string)upload["uploaderKey"]!, form);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            row.TranscriptId = (string?)body?["transcriptId"];
            row.Status = response.StatusCode == HttpStatusCode.Conflict ? "(uploaded before)" : (string?)body?["status"] ?? $"HTTP {(int)response.StatusCode}";
            if (row.TranscriptId is not null) ids[row.Key] = row.TranscriptId;
        }

        var readerKey = (string)sample["studyLeadKey"]!;
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            foreach (var row in rows.Where(r => r.TranscriptId is not null))
            {
                using var response = await SendAsync(http, HttpMethod.Get, $"/api/studies/{studyId}/transcripts/{row.TranscriptId}", readerKey, null);
                var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["summary"];
                row.Status = (string?)summary?["status"] ?? row.Status;
                row.Reason = (string?)summary?["reason"];
            }
            if (rows.All(r => r.Done) || DateTimeOffset.UtcNow > deadline) break;
            await Task.Delay(500);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"Sample",-15} {"File",-38} {"Site",-14} {"Transcript",-21} {"Status",-26} {"Expected",-26} OK");
        foreach (var r in rows)
            await stdout.WriteLineAsync($"{r.Key,-15} {Path.GetFileName(r.File),-38} {r.Site,-14} {r.TranscriptId ?? "-",-21} {r.Status,-26} {r.Expected,-26} {(r.Ok ? "yes" : "NO")}" +
                (r.Reason is null ? "" : $"\n{"",15} reason: {r.Reason}"));
        var ok = rows.All(r => r.Ok);
        await stdout.WriteLineAsync(ok ? $"All {rows.Count} samples reached their expected state." : "Some samples did not reach their expected state.");
        return ok ? 0 : 1;
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string apiKey, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        return await http.SendAsync(request);
    }

    static StringContent JsonContent(JsonNode node) => new(node.ToJsonString(Json), System.Text.Encoding.UTF8, "application/json");

    sealed record Row(string Key, string File, string Site, string Expected)
    {
        public string? TranscriptId { get; set; }
        public string Status { get; set; } = "";
        public string? Reason { get; set; }
        public bool Ok => Status == Expected;
        public bool Done => Ok || Status is "Rejected" or "Failed" || TranscriptId is null;
    }
}
