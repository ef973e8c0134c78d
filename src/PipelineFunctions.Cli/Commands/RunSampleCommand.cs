using System.Net;
using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>run-sample</c>: creates the sample study through the HTTP API, uploads its transcripts as the sites would,
/// releases each from the site's check as its site's researcher would (all but those marked <c>"releasedBySite": false</c>,
/// which stay waiting there for a person to open the check page), waits until each reaches its expected state and
/// prints a status table. Exit 0 only if every one did.
/// </summary>
public sealed class RunSampleCommand : ICliCommand
{
    public string Name => "run-sample";
    public string Usage => "run-sample --url <app url> --study <samples/study.json> [--timeout <seconds>]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var studyFile = Path.GetFullPath(parsed.Required("study"));
        var timeout = TimeSpan.FromSeconds(
            int.Parse(parsed.Option("timeout") ?? "180", System.Globalization.CultureInfo.InvariantCulture)
        );
        var folder = Path.GetDirectoryName(studyFile)!;
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(studyFile))!.AsObject();
        var studyId = (string)sample["id"]!;
        var leadKey = (string)sample["studyLeadKey"]!;
        using var api = new PipelineApiClient(new Uri(parsed.Required("url")));

        var (created, detail) = await api.CreateStudyAsync(
            await PipelineApiClient.StudyRequestAsync(sample, folder, studyId),
            leadKey
        );
        if (!created)
        {
            await stderr.WriteLineAsync($"run-sample: creating study {studyId} failed: {detail}");
            return 1;
        }

        var rows = new List<Row>();
        var ids = new Dictionary<string, string>();
        foreach (var upload in sample["uploads"]!.AsArray().Select(u => u!.AsObject()))
        {
            var checkedBySite = (bool?)sample["siteCheck"] ?? true;
            var released = !checkedBySite || ((bool?)upload["releasedBySite"] ?? true);
            var row = new Row(
                (string)upload["key"]!,
                (string)upload["file"]!,
                (string)upload["site"]!,
                released ? (string)upload["expected"]! : SiteCheck,
                checkedBySite && released ? (string)upload["uploaderKey"]! : null
            );
            rows.Add(row);
            var source =
                (string?)upload["translationOf"] is { } key && ids.TryGetValue(key, out var sourceId) ? sourceId : null;
            var (status, body) = await api.UploadAsync(
                studyId,
                Path.GetFileName(row.File),
                await File.ReadAllBytesAsync(Path.Combine(folder, row.File)),
                row.Site,
                (string)upload["language"]!,
                source,
                (string)upload["uploaderKey"]!
            );
            row.TranscriptId = (string?)body?["transcriptId"];
            row.Status =
                status == HttpStatusCode.Conflict
                    ? "(uploaded before)"
                    : body?["transcriptStatus"]?.ToString() ?? body?["status"]?.ToString() ?? $"HTTP {(int)status}";
            if (row.TranscriptId is not null)
                ids[row.Key] = row.TranscriptId;
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            foreach (var row in rows.Where(r => r.TranscriptId is not null))
            {
                var summary = (await api.TranscriptAsync(studyId, row.TranscriptId!, leadKey))?["summary"];
                row.Status = (string?)summary?["status"] ?? row.Status;
                row.Reason = (string?)summary?["reason"];
            }
            foreach (var row in rows.Where(r => r.Status == SiteCheck && r.ReleaseKey is not null))
                await ReleaseAsync(api, studyId, row, stderr);
            if (rows.All(r => r.Done) || DateTimeOffset.UtcNow > deadline)
                break;
            await Task.Delay(500);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(
            $"{"Sample", -15} {"File", -34} {"Site", -14} {"Transcript", -21} {"Status", -26} OK"
        );
        foreach (var r in rows)
            await stdout.WriteLineAsync(
                $"{r.Key, -15} {Path.GetFileName(r.File), -34} {r.Site, -14} {r.TranscriptId ?? "-", -21} {r.Status, -26} {(r.Ok ? "yes" : $"NO (expected {r.Expected})")}"
                    + (r.Reason is null ? "" : $"\n{"", 15} reason: {r.Reason}")
            );
        var ok = rows.All(r => r.Ok);
        await stdout.WriteLineAsync(
            ok
                ? $"All {rows.Count} samples reached their expected state."
                : "Some samples did not reach their expected state."
        );
        return ok ? 0 : 1;
    }

    const string SiteCheck = "AwaitingSiteCheck";

    /// <summary>
    /// Releases a transcript from the site's check as its researcher would on the page: every replacement confirmed,
    /// every unsure span replaced (the side of caution), nothing marked missed.
    /// </summary>
    static async Task ReleaseAsync(PipelineApiClient api, string studyId, Row row, TextWriter stderr)
    {
        var path = $"/api/studies/{studyId}/transcripts/{row.TranscriptId}/site-check";
        var (status, check) = await api.JsonAsync(HttpMethod.Get, path, row.ReleaseKey!);
        if (status != HttpStatusCode.OK || check is null)
        {
            await stderr.WriteLineAsync($"run-sample: reading the site's check of {row.Key} answered {(int)status}.");
            return;
        }
        var decisions = new JsonArray([
            .. check["items"]!
                .AsArray()
                .Select(i =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["item"] = (string)i!["id"]!,
                            ["action"] = (string)i["kind"]! == "unsure" ? "replace" : "confirm",
                        }
                ),
        ]);
        var (released, _) = await api.JsonAsync(
            HttpMethod.Post,
            path + "/release",
            row.ReleaseKey!,
            new JsonObject { ["version"] = (int)check["version"]!, ["decisions"] = decisions }
        );
        if (released == HttpStatusCode.OK)
            row.ReleaseKey = null;
        else
            await stderr.WriteLineAsync($"run-sample: releasing {row.Key} answered {(int)released}.");
    }

    /// <param name="ReleaseKey">The site researcher's key that releases it from the site's check; null once released, or when it stays there.</param>
    sealed record Row(string Key, string File, string Site, string Expected, string? ReleaseKey)
    {
        public string? ReleaseKey { get; set; } = ReleaseKey;
        public string? TranscriptId { get; set; }
        public string Status { get; set; } = "";
        public string? Reason { get; set; }
        public bool Ok => Status == Expected;
        public bool Done => Ok || Status is "Rejected" or "Failed" || TranscriptId is null;
    }
}
