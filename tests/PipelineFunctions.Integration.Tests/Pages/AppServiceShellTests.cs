using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The shell under App Service authentication, as in Azure: no key form; the platform's session (here the principal
/// header App Service would add to every request) signs the person in on every page, and Sign out goes to
/// <c>/.auth/logout</c>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AppServiceShellTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Under_app_service_the_home_uses_the_platform_session_and_signs_out_there()
    {
        var study = await fixture.CreateStudyAsync("entra-shell");
        var environment = new Dictionary<string, string>(fixture.Environment)
        {
            ["Pipeline__Authentication"] = "AppService",
            ["Pipeline__LocalTriggers"] = "false",
        };
        await using var app = new AppProcess(environment);
        await app.StartAsync();

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        // What App Service's front end does for a signed-in browser: every request reaches the app with the principal.
        var principal = Convert.ToBase64String(
            Encoding.UTF8.GetBytes(
                JsonSerializer.Serialize(
                    new
                    {
                        auth_typ = "aad",
                        name_typ = "preferred_username",
                        role_typ = "roles",
                        claims = new[]
                        {
                            new { typ = "preferred_username", val = "lead@example.org" },
                            new { typ = "roles", val = "study-lead" },
                        },
                    }
                )
            )
        );
        await page.RouteAsync(
            "**/api/**",
            route =>
                route.ContinueAsync(
                    new()
                    {
                        Headers = new Dictionary<string, string>(route.Request.Headers)
                        {
                            ["X-MS-CLIENT-PRINCIPAL"] = principal,
                        },
                    }
                )
        );
        await page.RouteAsync(
            "**/.auth/logout**",
            route =>
                route.FulfillAsync(
                    new()
                    {
                        Status = 200,
                        ContentType = "text/html",
                        Body = "<h1>Signed out of Entra ID</h1>",
                    }
                )
        );

        await page.GotoAsync(new Uri(app.BaseAddress, $"/app/?study={study}").ToString());
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("lead@example.org (study lead)");
        await Assertions.Expect(page.Locator($"section[aria-labelledby='study-{study}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('pipeline-api-key')"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\.auth/logout"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Signed out of Entra ID");
    }
}
