using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Security;

/// <summary>
/// Every API endpoint called by every kind of user, against real data: the answer must be what the role table in
/// README.md says. Allowed reads answer 2xx; allowed writes answer anything but a denial or a server error; a denied
/// call answers 401 (no key), 403, or 404 where the endpoint hides what the caller may not know exists.
/// Every role that can be scoped comes twice more: scoped to this study (it must behave as the role) and scoped to
/// another study (denied at every study's route, and its lists must not name this study: a list endpoint that forgets
/// scope fails here). A second test checks that the matrix names every HTTP function the build lists in
/// functions.metadata, so a new endpoint cannot skip it.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed partial class RoleMatrixTests(PipelineFixture fixture)
{
    /// <summary>The study the matrix creates; the fixture's scoped users name it.</summary>
    public const string ScopedStudy = "matrix-scoped";

    // The users of local.settings.sample.json, one per role, plus a coder of another study and nobody at all; then the
    // fixture's scoped users of every role (PipelineFixture.ScopedUsers).
    static readonly Dictionary<string, string?> Users = new Dictionary<string, string?>
    {
        ["anonymous"] = null,
        ["study-lead"] = PipelineFixture.LeadKey,
        ["kampala-researcher"] = PipelineFixture.KampalaKey,
        ["dar-researcher"] = PipelineFixture.DarKey,
        ["translation-lead"] = "local-translation-key",
        ["coder"] = PipelineFixture.CoderKey,
        ["admin"] = PipelineFixture.AdminKey,
        ["custodian"] = "local-custodian-key",
        ["coder-elsewhere"] = "local-coder-elsewhere-key",
    }
        .Concat(PipelineFixture.ScopedUsers.Select(u => KeyValuePair.Create(u.Name, (string?)u.Key)))
        .ToDictionary();

    /// <summary>The role whose column a user follows: a scoped user's role, or the user itself.</summary>
    static string RoleOf(string who) =>
        PipelineFixture.ScopedUsers.Where(u => u.Name == who).Select(u => u.Role).FirstOrDefault() ?? who;

    static bool Elsewhere(string who) => who.EndsWith("-elsewhere", StringComparison.Ordinal);

    const string Everyone = "study-lead kampala-researcher dar-researcher translation-lead coder admin custodian";
    const string Coders = "coder study-lead";

    /// <summary>One row of the matrix: who may call it, and who is answered 404 (the thing is hidden from them).</summary>
    /// <param name="Lists">The answer lists things of many studies: a user of another study must not find this study in it.</param>
    /// <param name="RuleRefused">Users whose role may call it but whom a rule of the domain refuses (403, the
    /// <c>forbidden</c> problem, never <c>wrong-role</c>): a coder outside the pair saving its consensus.</param>
    sealed record Row(
        string Method,
        string Template,
        string Allowed,
        string Hidden = "",
        Func<Ids, string, HttpContent?>? Body = null,
        bool Lists = false,
        string RuleRefused = ""
    );

    sealed record Ids(
        string Study,
        string Kampala,
        string Translation,
        string Query,
        string Proposal,
        string CheckETag,
        string Poison
    );

    static readonly Row[] Matrix =
    [
        new(
            "POST",
            "/api/studies",
            "study-lead",
            Body: (_, who) =>
                JsonContent.Create(
                    new
                    {
                        id = $"m-{who}-{Guid.NewGuid():n}"[..28],
                        name = "Matrix",
                        sites = new[] { new { id = "kampala", name = "Kampala" } },
                        languages = new[] { "en" },
                    }
                )
        ),
        new("GET", "/api/studies/{study}", Everyone),
        new("GET", "/api/studies/{study}/codebook", Everyone),
        new(
            "PUT",
            "/api/studies/{study}/codebook",
            "study-lead",
            Body: (_, _) =>
                new StringContent(
                    File.ReadAllText(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json")),
                    Encoding.UTF8,
                    "application/json"
                )
        ),
        // Merging two codes that do not exist: a bad request for the lead, refused for everyone else; the matrix's codebook stays whole.
        new(
            "POST",
            "/api/studies/{study}/codebook/merge",
            "study-lead",
            Body: (_, _) => JsonContent.Create(new { from = "no-such-code", into = "another-missing-code" })
        ),
        new("GET", "/api/studies/{study}/codebook/uses", "study-lead"),
        new("GET", "/api/studies/{study}/codebook/proposals", Coders),
        new(
            "POST",
            "/api/studies/{study}/codebook/proposals",
            Coders,
            Body: (_, who) =>
                JsonContent.Create(
                    new { name = $"Proposed by {who}", definition = "A code that emerged while coding." }
                )
        ),
        new("POST", "/api/studies/{study}/codebook/proposals/{proposal}/approve", "study-lead"),
        new("POST", "/api/studies/{study}/codebook/proposals/{proposal}/decline", "study-lead"),
        new("GET", "/api/studies/{study}/codebook/candidates", "study-lead"),
        new("GET", "/api/me", Everyone + " coder-elsewhere", Lists: true),
        new("GET", "/api/studies/{study}/settings", "study-lead"),
        new(
            "PUT",
            "/api/studies/{study}/settings",
            "study-lead",
            Body: (_, _) =>
                JsonContent.Create(
                    new
                    {
                        name = "Integration test study",
                        sites = new[]
                        {
                            new
                            {
                                id = "kampala",
                                name = "Kampala",
                                country = "UG",
                            },
                            new
                            {
                                id = "dar-es-salaam",
                                name = "Dar es Salaam",
                                country = "TZ",
                            },
                        },
                        languages = new[] { "en", "sw" },
                        allowList = new[] { "PSW", "Interviewer", "Facilitator" },
                        placeholderStyle = "Numbered",
                        allowCloudLanguage = false,
                        doubleCodeFirst = 0,
                        doubleCodeTranscripts = Array.Empty<string>(),
                    }
                )
        ),
        new("GET", "/api/studies/{study}/coding-plan", "study-lead"),
        new("GET", "/api/studies/{study}/coding-progress", "study-lead"),
        // An empty plan: the matrix's coder calls below find every transcript open to them.
        new(
            "PUT",
            "/api/studies/{study}/coding-plan",
            "study-lead",
            Body: (_, _) =>
                JsonContent.Create(
                    new
                    {
                        sites = new Dictionary<string, string[]>(),
                        transcripts = new Dictionary<string, string[]>(),
                        doubleCoded = Array.Empty<string>(),
                    }
                )
        ),
        new(
            "POST",
            "/api/studies/{study}/roster?preview=true",
            "study-lead",
            Body: (_, _) => new StringContent("identifier,category\nZyxwvut,person\n", Encoding.UTF8, "text/csv")
        ),
        new(
            "POST",
            "/api/codebook-files?format=json",
            "study-lead",
            Body: (_, _) =>
                new StringContent(
                    File.ReadAllText(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json")),
                    Encoding.UTF8,
                    "application/json"
                )
        ),
        new(
            "POST",
            "/api/studies/{study}/language-suggestion?format=txt",
            "study-lead kampala-researcher dar-researcher",
            Body: (_, _) =>
                new StringContent(
                    "Interviewer: How was the week?\nP1: Busy, we had many visits at the ward.\n",
                    Encoding.UTF8,
                    "text/plain"
                )
        ),
        new("POST", "/api/studies/{study}/transcripts", "study-lead kampala-researcher", Body: (_, who) => Upload(who)),
        new("GET", "/api/studies/{study}/transcripts", Everyone),
        new(
            "GET",
            "/api/studies/{study}/transcripts/{kampala}",
            Everyone.Replace("dar-researcher ", ""),
            Hidden: "dar-researcher"
        ),
        new("GET", "/api/studies/{study}/transcripts/{kampala}/segments", Coders),
        new("GET", "/api/studies/{study}/transcripts/{kampala}/key", "custodian"),
        new("GET", "/api/studies/{study}/transcripts/{kampala}/speakers", Coders),
        new(
            "PUT",
            "/api/studies/{study}/transcripts/{kampala}/speakers",
            "study-lead",
            Body: (_, _) =>
                JsonContent.Create(new { roles = new Dictionary<string, string>(), interviewType = "interview" })
        ),
        new(
            "GET",
            "/api/studies/{study}/transcripts/{kampala}/pseudonymised",
            "custodian kampala-researcher coder study-lead",
            Hidden: "dar-researcher"
        ),
        new(
            "POST",
            "/api/studies/{study}/pseudonymisation/corrections",
            "custodian kampala-researcher dar-researcher",
            Body: (_, _) => JsonContent.Create(new { kind = "not-an-identifier", text = "Zyxwvut" })
        ),
        // The site's check shows the original: the uploading site and the custodian only; another site finds nothing.
        new("GET", "/api/studies/{study}/site-checks", "custodian kampala-researcher dar-researcher"),
        new(
            "GET",
            "/api/studies/{study}/transcripts/{kampala}/site-check",
            "custodian kampala-researcher",
            Hidden: "dar-researcher"
        ),
        new(
            "POST",
            "/api/studies/{study}/transcripts/{kampala}/site-check/release",
            "custodian kampala-researcher",
            Hidden: "dar-researcher",
            Body: (_, _) => JsonContent.Create(new { version = 1 })
        ),
        new(
            "POST",
            "/api/studies/{study}/transcripts/{kampala}/code-in-original",
            "kampala-researcher study-lead",
            Hidden: "dar-researcher"
        ),
        new("GET", "/api/studies/{study}/audit", "admin custodian"),
        new("GET", "/api/admin/status", "admin", Lists: true),
        new("GET", "/api/admin/health", "admin"),
        new("GET", "/api/admin/studies/{study}/transcripts/{kampala}/timeline", "admin"),
        new("POST", "/api/admin/poison/{queue}/{poison}/replay", "admin"),
        new("GET", "/api/translation-checks", "translation-lead study-lead", Lists: true),
        new(
            "GET",
            "/api/studies/{study}/translation-checks/{translation}",
            "translation-lead study-lead dar-researcher",
            Hidden: "kampala-researcher coder admin custodian"
        ),
        new(
            "POST",
            "/api/studies/{study}/translation-checks/{translation}/queries/{query}/answer",
            "dar-researcher",
            Hidden: "kampala-researcher",
            Body: (_, _) => JsonContent.Create(new { answer = "Checked with the interviewer." })
        ),
        new("GET", "/api/studies/{study}/translation-queries", Everyone),
        new(
            "POST",
            "/api/studies/{study}/translation-checks/{translation}/query",
            "translation-lead",
            Body: (ids, _) =>
                JsonContent.Create(
                    new { etag = ids.CheckETag, comments = new[] { new { sourceTurn = 1, comment = "Please check." } } }
                )
        ),
        new(
            "POST",
            "/api/studies/{study}/translation-checks/{translation}/approve",
            "translation-lead",
            Body: (ids, _) => JsonContent.Create(new { etag = ids.CheckETag })
        ),
        new("GET", "/api/studies/{study}/review", Coders),
        new("GET", "/api/studies/{study}/transcripts/{kampala}/review", Coders),
        new(
            "PUT",
            "/api/studies/{study}/transcripts/{kampala}/review/mine",
            Coders,
            Body: (_, _) =>
                JsonContent.Create(
                    new
                    {
                        codings = new[]
                        {
                            new
                            {
                                segment = 1,
                                codeId = "defined-role",
                                origin = "added",
                            },
                        },
                    }
                )
        ),
        new("POST", "/api/studies/{study}/transcripts/{kampala}/review/mine/submit", Coders),
        new("GET", "/api/studies/{study}/transcripts/{kampala}/review/agreement", Coders),
        // The pair (coder and study-lead, who submitted above) agreed throughout: the lead saves, the coder confirms, a
        // third coder is refused by ConsensusRule.
        new(
            "PUT",
            "/api/studies/{study}/transcripts/{kampala}/review/final",
            Coders,
            Body: (_, _) => JsonContent.Create(new { choices = Array.Empty<object>() }),
            RuleRefused: "coder-here"
        ),
        new("GET", "/api/studies/{study}/codes/{code}/passages", Coders),
        new("GET", "/api/studies/{study}/codes/tree", Coders),
        new("GET", "/api/studies/{study}/matrix?by=site", Coders),
        new("GET", "/api/studies/{study}/reports/themes", "study-lead"),
        new("GET", "/api/studies/{study}/reports/themes?format=docx", "study-lead"),
        new("GET", "/api/studies/{study}/search?q=week", Coders),
        new("GET", "/api/studies/{study}/search/sets", Coders),
        new(
            "POST",
            "/api/studies/{study}/search/sets",
            Coders,
            Body: (_, who) => JsonContent.Create(new { name = $"Set of {who}", query = "week" })
        ),
        new("GET", "/api/studies/{study}/memos", Coders),
        new("GET", "/api/studies/{study}/export/qdpx", Coders),
        new("GET", "/api/studies/{study}/export/passages?format=csv", Coders),
        new(
            "POST",
            "/api/studies/{study}/import/qdpx?site=kampala",
            "study-lead",
            Body: (_, _) => new ByteArrayContent([0x50, 0x4B, 5, 6])
        ),
        new("GET", "/app/{page}", "anonymous " + Everyone + " coder-elsewhere"),
    ];

    [Fact]
    public async Task Every_role_gets_what_the_role_table_says_at_every_endpoint()
    {
        var ids = await ArrangeAsync();
        var wrong = new List<string>();
        var calls = 0;
        foreach (var row in Matrix)
        {
            var allowed = row.Allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var hidden = row.Hidden.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            // Denied callers first, so an allowed write cannot change what a denied one would have met.
            foreach (var (who, key) in Users.OrderBy(u => allowed.Contains(RoleOf(u.Key))))
            {
                var role = RoleOf(who);
                // A user of another study meets a closed door at every route of this study.
                var denied =
                    Elsewhere(who)
                    && row.Template.Contains("{study}", StringComparison.Ordinal)
                    && !allowed.Contains(who);
                var (status, body) = await CallAsync(row, ids, who, key);
                calls++;
                var ok =
                    row.RuleRefused.Split(' ').Contains(who)
                        ? status == 403 && body.Contains(":forbidden", StringComparison.Ordinal)
                    : allowed.Contains(role) && !denied
                        ? row.Method == "GET" ? status is >= 200 and < 300
                            : status is not (401 or 403 or 404) and < 500
                    : key is null ? status == 401
                    : hidden.Contains(role) && !denied ? status == 404
                    : status == 403;
                if (!ok)
                    wrong.Add($"{row.Method} {row.Template} as {who}: {status}");
                else if (row.Lists && Elsewhere(who) && body.Contains(ids.Study, StringComparison.Ordinal))
                    wrong.Add($"{row.Method} {row.Template} as {who}: lists study {ids.Study}, which is not theirs");
                else if (
                    row.Lists
                    && who.EndsWith("-here", StringComparison.Ordinal)
                    && status == 200
                    && !body.Contains(ids.Study, StringComparison.Ordinal)
                )
                    wrong.Add($"{row.Method} {row.Template} as {who}: does not list their own study {ids.Study}");
            }
        }
        Assert.True(
            wrong.Count == 0,
            $"{wrong.Count} of {calls} calls answered against the role table:\n{string.Join('\n', wrong)}"
        );
        Assert.Equal(Matrix.Length * Users.Count, calls);
    }

    [Fact]
    public void The_matrix_names_every_endpoint_the_app_maps()
    {
        var mapped = MappedEndpoints().ToHashSet();
        var named = Matrix.Select(r => $"{r.Method} {Shape(r.Template)}").ToHashSet();
        Assert.Empty(mapped.Except(named));
        Assert.Empty(named.Except(mapped));
    }

    async Task<Ids> ArrangeAsync()
    {
        var study = await fixture.CreateStudyAsync(fixedId: ScopedStudy);
        var (_, kampala) = await fixture.UploadAsync(
            study,
            "kampala",
            "k.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        var (_, source) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "s.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            language: "sw",
            interviewId: "50010"
        );
        var (_, translation) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "s.en.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            translationOf: (string)source!["transcriptId"]!,
            interviewId: "50010"
        );
        // A second pair that stays waiting for the lead, so the lead's queue has something of this study to list (or leak).
        var (_, waitingSource) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "w.sw.txt",
            [.. PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"), .. "Interviewer: Asante sana.\n"u8],
            PipelineFixture.DarKey,
            language: "sw",
            interviewId: "50011"
        );
        var (_, waiting) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "w.en.txt",
            [
                .. PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
                .. "Interviewer: Thank you very much.\n"u8,
            ],
            PipelineFixture.DarKey,
            translationOf: (string)waitingSource!["transcriptId"]!,
            interviewId: "50011"
        );
        var kampalaId = (string)kampala!["transcriptId"]!;
        var translationId = (string)translation!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, kampalaId, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, translationId, "AwaitingTranslationReview");
        await fixture.WaitForStatusAsync(study, (string)waiting!["transcriptId"]!, "AwaitingTranslationReview");

        using var lead = fixture.Client("local-translation-key");
        var check = (
            await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{translationId}")
        )!;
        using var queried = await lead.PostAsJsonAsync(
            $"/api/studies/{study}/translation-checks/{translationId}/query",
            new
            {
                etag = (string)check["etag"]!,
                comments = new[] { new { sourceTurn = 1, comment = "Is the date right?" } },
            }
        );
        queried.EnsureSuccessStatusCode();
        var after = (
            await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{translationId}")
        )!;
        var query = (string)after["queries"]!.AsArray()[0]!["id"]!;

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        using var proposed = await coder.PostAsJsonAsync(
            $"/api/studies/{study}/codebook/proposals",
            new { name = "Waiting lists", definition = "Time before care." }
        );
        proposed.EnsureSuccessStatusCode();
        var proposal = (string)(await proposed.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        // A poison message naming no transcript: the admin's replay is refused (409), everyone else's denied.
        var poison = await fixture
            .Queues.Get(App.Storage.Queues.PipelineQueues.PoisonOf(App.Storage.Queues.PipelineQueues.Suggest))
            .SendMessageAsync("not a transcript message");
        return new Ids(
            study,
            kampalaId,
            translationId,
            query,
            proposal,
            (string)after["etag"]!,
            poison.Value.MessageId
        );
    }

    async Task<(int Status, string Body)> CallAsync(Row row, Ids ids, string who, string? key)
    {
        var path = row
            .Template.Replace("{study}", ids.Study)
            .Replace("{kampala}", ids.Kampala)
            .Replace("{translation}", ids.Translation)
            .Replace("{query}", ids.Query)
            .Replace("{proposal}", ids.Proposal)
            .Replace("{poison}", ids.Poison)
            .Replace("{queue}", "suggest")
            .Replace("{code}", "defined-role")
            .Replace("{page}", "coders/index.html");
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), path)
        {
            Content = row.Body?.Invoke(ids, who),
        };
        if (request.Content is null && row.Method != "GET")
            request.Content = JsonContent.Create(new { });
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    static MultipartFormDataContent Upload(string who)
    {
        var form = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(
                    Encoding.UTF8.GetBytes(
                        $"Interviewer: How was the week?\nP1: Busy, said {who} at {Guid.NewGuid():n}.\n"
                    )
                ),
                "file",
                "matrix.txt"
            },
            { new StringContent("kampala"), "site" },
            { new StringContent("en"), "language" },
        };
        return form;
    }

    /// <summary>Every HTTP function the build lists in functions.metadata, as Azure would list it: its methods and route.</summary>
    static IEnumerable<string> MappedEndpoints()
    {
        var metadata = JsonNode
            .Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(AppProcess.AppDll)!, "functions.metadata")))!
            .AsArray();
        foreach (var function in metadata)
        foreach (var binding in function!["bindings"]!.AsArray().Where(b => (string?)b!["type"] == "httpTrigger"))
        foreach (var method in binding!["methods"]!.AsArray())
            yield return $"{((string)method!).ToUpperInvariant()} {Shape("/" + (string)binding["route"]!)}";
    }

    static string Shape(string route) => RouteParameter().Replace(route.Split('?')[0], "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
