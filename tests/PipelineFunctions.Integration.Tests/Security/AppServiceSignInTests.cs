using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Security;

/// <summary>
/// The app as it runs in Azure: App Service authentication (Entra ID) hands it the signed-in user in
/// X-MS-CLIENT-PRINCIPAL with app roles. A second app process on the suite's data, with no local triggers (so it takes
/// no messages), answers each principal as the role table says, refuses API keys, and sends pages to sign in.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AppServiceSignInTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Entra_principals_get_their_roles_keys_are_refused_and_pages_go_to_sign_in()
    {
        var study = await fixture.CreateStudyAsync("entra");
        var (_, uploaded) = await fixture.UploadAsync(
            study,
            "kampala",
            "k.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        var transcript = (string)uploaded!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, transcript, "SuggestionsReady");

        var environment = new Dictionary<string, string>(fixture.Environment)
        {
            ["Pipeline__Authentication"] = "AppService",
            ["Pipeline__LocalTriggers"] = "false",
        };
        await using var app = new AppProcess(environment);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        async Task<HttpResponseMessage> As(
            string? principal,
            HttpMethod method,
            string path,
            HttpContent? content = null,
            string? apiKey = null
        )
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            if (principal is not null)
                request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
            if (apiKey is not null)
                request.Headers.Add("X-Api-Key", apiKey);
            return await http.SendAsync(request);
        }

        var nobody = await As(null, HttpMethod.Get, $"/api/studies/{study}");
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.StartsWith("/.auth/login/aad", nobody.Headers.GetValues("X-Sign-In").Single());
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await As(null, HttpMethod.Get, $"/api/studies/{study}", apiKey: PipelineFixture.LeadKey)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await As("bm90IGEgcHJpbmNpcGFs", HttpMethod.Get, $"/api/studies/{study}")).StatusCode
        );

        var coder = Principal("ana@example.org", "coder");
        Assert.Equal(
            HttpStatusCode.OK,
            (await As(coder, HttpMethod.Get, $"/api/studies/{study}/transcripts/{transcript}/segments")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await As(coder, HttpMethod.Get, $"/api/studies/{study}/transcripts/{transcript}/key")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await As(
                    Principal("ben@example.org", "coder", "study.another-study"),
                    HttpMethod.Get,
                    $"/api/studies/{study}"
                )
            ).StatusCode
        );

        var admin = Principal("dm@example.org", "admin");
        Assert.Equal(HttpStatusCode.OK, (await As(admin, HttpMethod.Get, "/api/admin/status")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await As(admin, HttpMethod.Get, $"/api/studies/{study}/transcripts/{transcript}/segments")).StatusCode
        );

        var kampala = Principal("site@example.org", "site-researcher", "site.kampala");
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await As(kampala, HttpMethod.Post, $"/api/studies/{study}/transcripts", Upload("dar-es-salaam"))
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await As(kampala, HttpMethod.Post, $"/api/studies/{study}/transcripts", Upload("kampala"))).StatusCode
        );
        var list = await (
            await As(kampala, HttpMethod.Get, $"/api/studies/{study}/transcripts")
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("id").GetString() == transcript);

        // A page opened without a session goes to Entra ID's sign-in.
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        // App Service serves /.auth/login/aad in Azure; here the browser is answered in its place.
        await page.RouteAsync(
            "**/.auth/login/aad**",
            route =>
                route.FulfillAsync(
                    new()
                    {
                        Status = 200,
                        ContentType = "text/html",
                        Body = "<h1>Entra ID sign-in</h1>",
                    }
                )
        );
        await page.GotoAsync(new Uri(app.BaseAddress, $"/app/coders/index.html?study={study}").ToString());
        await Microsoft
            .Playwright.Assertions.Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\.auth/login/aad"));
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Entra ID sign-in");
    }

    /// <summary>The header App Service writes: base64 of the claims, with Entra ID's claim types.</summary>
    static string Principal(string name, params string[] roles) =>
        Convert.ToBase64String(
            Encoding.UTF8.GetBytes(
                JsonSerializer.Serialize(
                    new
                    {
                        auth_typ = "aad",
                        name_typ = "preferred_username",
                        role_typ = "roles",
                        claims = roles
                            .Select(r => new { typ = "roles", val = r })
                            .Prepend(new { typ = "preferred_username", val = name }),
                    }
                )
            )
        );

    static MultipartFormDataContent Upload(string site) =>
        new()
        {
            {
                new ByteArrayContent(
                    Encoding.UTF8.GetBytes($"Interviewer: Hello?\nP1: Hello from {site}, {Guid.NewGuid():n}.\n")
                ),
                "file",
                "entra.txt"
            },
            { new StringContent(site), "site" },
            { new StringContent("en"), "language" },
        };
}
