using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}

/// <summary>
/// One app process for the whole suite (the queues are shared, so two apps would take each other's messages),
/// its own Cosmos database, and direct clients for tests that look behind the API.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public const string LeadKey = "local-lead-key";
    public const string KampalaKey = "local-kampala-key";
    public const string DarKey = "local-dar-key";
    public const string CoderKey = "local-coder-key";
    public const string Coder2Key = "local-coder2-key";
    public const string AdminKey = "local-admin-key";
    public const int MaxUploadBytes = 1024 * 1024;
    public const string RequestsAdminKey = "local-admin-requests-key";
    public const string RequestsStudy = "cosmos-requests";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A user of every role that can be scoped, scoped to the role matrix's study ("-here") and to another study
    /// ("-elsewhere"); the site researcher is scoped to a site as well. Role names as the matrix's columns. The
    /// "-here" users also work on the reachability crawl's study.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Key, string Role, string Study)> ScopedUsers =
    [
        .. new[] { "study-lead", "translation-lead", "coder", "admin", "custodian", "kampala-researcher" }
            .SelectMany(role =>
                new[]
                {
                    ($"{role}-here", $"local-{role}-here-key", role, Security.RoleMatrixTests.ScopedStudy),
                    ($"{role}-elsewhere", $"local-{role}-elsewhere-key", role, "another-study"),
                }
            )
            .Where(u => u.Item1 != "coder-elsewhere"),
    ];

    public PipelineFixture()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))![
            "Values"
        ]!
            .AsObject()
            .ToDictionary(v => v.Key, v => v.Value!.ToString());
        values["Pipeline__CosmosDatabase"] = $"it-{Guid.NewGuid():n}";
        // Two suites on one machine share cosmosdb-server (each has its own database) but not queues: each may bring
        // its own Azurite.
        if (System.Environment.GetEnvironmentVariable("PIPELINE_TEST_STORAGE") is { Length: > 0 } storage)
            values["Pipeline__StorageConnection"] = values["AzureWebJobsStorage"] = storage;
        values["Pipeline__PseudonymMasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        values["Pipeline__KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        values["Pipeline__MaxUploadBytes"] = MaxUploadBytes.ToString();
        // Spans and stage metrics go to the app's console, which AppProcess keeps: trace tests read them, and every
        // privacy check over the logs covers them too.
        values["Pipeline__TelemetryConsole"] = "true";
        var next = values.Keys.Count(k =>
            k.StartsWith("Pipeline__Users__", StringComparison.Ordinal)
            && k.EndsWith("__Name", StringComparison.Ordinal)
        );
        foreach (var user in ScopedUsers)
        {
            var prefix = $"Pipeline__Users__{next++}__";
            values[prefix + "Name"] = user.Name;
            values[prefix + "ApiKey"] = user.Key;
            values[prefix + "Roles__0"] = user.Role == "kampala-researcher" ? "site-researcher" : user.Role;
            if (user.Role == "kampala-researcher")
                values[prefix + "Sites__0"] = "kampala";
            values[prefix + "Studies__0"] = user.Study;
            // The "-here" users work on a second study too, the one their reachability crawl clicks through.
            if (user.Study == Security.RoleMatrixTests.ScopedStudy)
                values[prefix + "Studies__1"] = Pages.ReachabilityPageTests.ScopedStudy;
        }
        // An admin of one study only, whose status call the Cosmos request count measures without the suite's other
        // studies.
        var requests = $"Pipeline__Users__{next++}__";
        (
            values[requests + "Name"],
            values[requests + "ApiKey"],
            values[requests + "Roles__0"],
            values[requests + "Studies__0"]
        ) = ("admin-requests", RequestsAdminKey, "admin", RequestsStudy);
        Environment = values;
        Settings = new PipelineSettings
        {
            StorageConnection = values["Pipeline__StorageConnection"],
            CosmosEndpoint = values["Pipeline__CosmosEndpoint"],
            CosmosKey = values["Pipeline__CosmosKey"],
            CosmosDatabase = values["Pipeline__CosmosDatabase"],
            CosmosTrustLocalCertificate = true,
        };
        App = new AppProcess(values);
        Cosmos = new CosmosContainers(Settings);
        Blobs = new BlobContainers(Settings);
        Queues = new PipelineQueues(Settings);
        Transcripts = new TranscriptStore(Cosmos, TimeProvider.System);
    }

    public TranscriptStore Transcripts { get; }

    public Dictionary<string, string> Environment { get; }
    public PipelineSettings Settings { get; }
    public AppProcess App { get; private set; }
    public CosmosContainers Cosmos { get; }
    public BlobContainers Blobs { get; }
    public PipelineQueues Queues { get; }

    public async Task InitializeAsync() => await App.StartAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Cosmos.Dispose();
    }

    /// <summary>Kills the worker mid-work, as a crash would; the host starts a new one, as the Functions host
    /// does.</summary>
    public Task KillWorkerAsync() => App.KillWorkerAsync();

    public HttpClient Client(string apiKey)
    {
        var http = new HttpClient { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }

    /// <summary>Creates a study with the sample codebook and roster under a fresh id.</summary>
    /// <param name="languages">The study's languages; by default the sample's.</param>
    /// <param name="siteCheck">The site's check before coding: off here unless a test asks for it, so uploads go
    /// straight on.</param>
    public async Task<string> CreateStudyAsync(
        string prefix = "it",
        int doubleCodeFirst = 0,
        string? fixedId = null,
        IReadOnlyList<string>? languages = null,
        bool siteCheck = false,
        string name = "Integration test study"
    )
    {
        var id = fixedId ?? $"{prefix}-{Guid.NewGuid():n}"[..30];
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "study.json")))!;
        var codebook = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json"))
        );
        var roster = Core.Pseudonymisation.RosterCsv.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Samples, "roster.csv"))
        );
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["sites"] = sample["sites"]!.DeepClone(),
            ["languages"] = languages is null
                ? sample["languages"]!.DeepClone()
                : new JsonArray([.. languages.Select(l => (JsonNode)l)]),
            ["allowList"] = sample["allowList"]!.DeepClone(),
            ["codebook"] = codebook,
            ["roster"] = JsonSerializer.SerializeToNode(
                roster.Select(r => new
                {
                    identifier = r.Identifier,
                    category = r.Category.ToString().ToLowerInvariant(),
                    aliases = r.Aliases,
                })
            ),
            ["doubleCodeFirst"] = doubleCodeFirst,
            ["siteCheck"] = siteCheck,
        };
        using var http = Client(LeadKey);
        using var response = await http.PostAsJsonAsync("/api/studies", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public async Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> UploadAsync(
        string studyId,
        string site,
        string fileName,
        byte[] content,
        string apiKey,
        string language = "en",
        string? translationOf = null,
        string? interviewId = null,
        string? role = null
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
        if (interviewId is not null)
            form.Add(new StringContent(interviewId), "interviewId");
        if (role is not null)
            form.Add(new StringContent(role), "role");
        using var http = Client(apiKey);
        using var response = await http.PostAsync($"/api/studies/{studyId}/transcripts", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> TranscriptAsync(string studyId, string transcriptId)
    {
        using var http = Client(LeadKey);
        return (await http.GetFromJsonAsync<JsonNode>($"/api/studies/{studyId}/transcripts/{transcriptId}"))!;
    }

    /// <summary>A Kampala text transcript uploaded and waited for until it is ready for coding; its id.</summary>
    public async Task<string> UploadReadyAsync(string studyId, string name, string text)
    {
        var (_, body) = await UploadAsync(
            studyId,
            "kampala",
            name,
            System.Text.Encoding.UTF8.GetBytes(text),
            KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await WaitForStatusAsync(studyId, id, "SuggestionsReady");
        return id;
    }

    /// <summary>Polls until the transcript reaches one of the statuses, or fails the test with the status it is stuck
    /// in.</summary>
    public async Task<JsonNode> WaitForStatusAsync(string studyId, string transcriptId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonNode last;
        do
        {
            last = await TranscriptAsync(studyId, transcriptId);
            if (statuses.Contains((string?)last["summary"]!["status"]))
                return last;
            await Task.Delay(300);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail(
            $"Transcript {transcriptId} stayed {last["summary"]!["status"]} ({last["summary"]!["reason"]}); "
                + $"expected {string.Join(" or ", statuses)}."
        );
        return last;
    }

    /// <summary>Every span any app process of this suite exported to its console so far.</summary>
    public IReadOnlyList<ExportedSpan> Spans() => ExportedSpan.Parse(App.Log);

    /// <summary>
    /// A parsed transcript whose parsed text was never stored, handed to pseudonymisation: it fails every try, so after
    /// five it is Failed and its message waits in the poison queue.
    /// </summary>
    public async Task<string> BrokenTranscriptAsync(string studyId, string siteId)
    {
        var id = $"t-broken-{Guid.NewGuid():n}"[..22];
        var now = DateTimeOffset.UtcNow;
        await Cosmos.Transcripts.CreateItemAsync(
            new PipelineFunctions.App.Model.TranscriptDocument
            {
                Id = id,
                StudyId = studyId,
                SiteId = siteId,
                Language = "en",
                FileName = "x.txt",
                Status = PipelineFunctions.App.Model.TranscriptStatus.Parsed,
                ReceivedAt = now,
                UpdatedAt = now,
                History =
                [
                    new(PipelineFunctions.App.Model.TranscriptStatus.Received, now),
                    new(PipelineFunctions.App.Model.TranscriptStatus.Parsed, now),
                ],
            },
            new Microsoft.Azure.Cosmos.PartitionKey(studyId)
        );
        await ForgetSummaryAsync(studyId);
        await Queues.SendAsync(
            PipelineQueues.Pseudonymise,
            new PipelineFunctions.App.Model.TranscriptMessage(studyId, id),
            default
        );
        return id;
    }

    /// <summary>
    /// A transcript that failed pseudonymisation five times and waits in the poison queue, as the pipeline leaves one,
    /// with its parsed text now in place so that a replay can succeed.
    /// </summary>
    public async Task<string> PoisonedTranscriptAsync(
        string studyId,
        string sample = "uploads/dar-interview-50007_2.txt",
        string fileName = "x.txt"
    )
    {
        var id = $"t-poison-{Guid.NewGuid():n}"[..22];
        var now = DateTimeOffset.UtcNow;
        await new PipelineFunctions.App.Storage.Blobs.TranscriptTexts(Blobs).SaveParsedAsync(
            id,
            Core.Transcripts.TranscriptReader.Read(Path.GetFileName(sample), Sample(sample)),
            default
        );
        await Cosmos.Transcripts.CreateItemAsync(
            new PipelineFunctions.App.Model.TranscriptDocument
            {
                Id = id,
                StudyId = studyId,
                SiteId = "dar-es-salaam",
                Language = "en",
                FileName = fileName,
                Status = PipelineFunctions.App.Model.TranscriptStatus.Failed,
                Reason = "Pseudonymisation failed 5 times (an internal error); an admin can retry it.",
                ReceivedAt = now,
                UpdatedAt = now,
                History =
                [
                    new(PipelineFunctions.App.Model.TranscriptStatus.Received, now.AddSeconds(-20)),
                    new(PipelineFunctions.App.Model.TranscriptStatus.Parsed, now.AddSeconds(-19)),
                    new(
                        PipelineFunctions.App.Model.TranscriptStatus.Failed,
                        now.AddSeconds(-5),
                        "Pseudonymisation failed 5 times (an internal error); an admin can retry it."
                    ),
                ],
            },
            new Microsoft.Azure.Cosmos.PartitionKey(studyId)
        );
        await ForgetSummaryAsync(studyId);
        await Queues.SendAsync(
            PipelineQueues.PoisonOf(PipelineQueues.Pseudonymise),
            new PipelineFunctions.App.Model.TranscriptMessage(studyId, id),
            default
        );
        return id;
    }

    /// <summary>
    /// A transcript written straight into Cosmos bypasses the study's summary; without one, the next read builds it
    /// from
    /// the transcripts, as for data from before summaries existed.
    /// </summary>
    public async Task ForgetSummaryAsync(string studyId)
    {
        try
        {
            await Cosmos.Summaries.DeleteItemAsync<object>(studyId, new Microsoft.Azure.Cosmos.PartitionKey(studyId));
        }
        catch (Microsoft.Azure.Cosmos.CosmosException e)
            when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.InternalServerError)
        { }
    }

    /// <summary>The poison message that names the transcript, as the admin status lists it.</summary>
    public async Task<(string Queue, string MessageId)?> PoisonMessageOfAsync(string transcriptId)
    {
        using var admin = Client(AdminKey);
        var status = (await admin.GetFromJsonAsync<JsonNode>("/api/admin/status"))!;
        foreach (var q in status["poison"]!.AsArray())
        foreach (var m in q!["messages"]!.AsArray())
            if ((string?)m!["transcriptId"] == transcriptId)
                return ((string)q["stageQueue"]!, (string)m["id"]!);
        return null;
    }

    public static byte[] Sample(string relative) => File.ReadAllBytes(Path.Combine(RepoPaths.Samples, relative));
}
