using PipelineFunctions.LocalHost.Configuration;
using PipelineFunctions.LocalHost.Http;

namespace PipelineFunctions.LocalHost.Tests;

/// <summary>Routing as the app uses it: an empty routePrefix, catch-alls for the API and the pages, methods.</summary>
public sealed class HttpFunctionRouterTests
{
    static HttpFunctionRouter Router(string prefix) =>
        new(
            new FunctionCatalog(
                "app.dll",
                [
                    new HttpFunction("Api", "req", "api/{*path}", ["GET", "POST"]),
                    new HttpFunction("Pages", "req", "app/{*path}", []),
                    new HttpFunction("Study", "req", "api/studies/{studyId}", ["GET"]),
                ],
                [],
                []
            ),
            HostJsonOptions.Parse("{\"extensions\": {\"http\": {\"routePrefix\": \"" + prefix + "\"}}}")
        );

    [Theory]
    [InlineData("GET", "/api/studies/s1/transcripts", "Api", "path", "studies/s1/transcripts")]
    [InlineData("GET", "/api/studies/s1", "Study", "studyId", "s1")]
    [InlineData("POST", "/api/studies/s1", "Api", "path", "studies/s1")]
    [InlineData("DELETE", "/app/admin/status.html", "Pages", "path", "admin/status.html")]
    public void A_request_goes_to_the_most_specific_function_with_its_route_values(
        string method,
        string path,
        string function,
        string key,
        string value
    )
    {
        var match = Router("").Match(method, path);

        Assert.NotNull(match);
        Assert.Equal(function, match.Function.Name);
        Assert.Equal(value, match.Values[key]);
    }

    [Theory]
    [InlineData("GET", "/elsewhere")]
    [InlineData("PUT", "/api/studies/s1")]
    [InlineData("GET", "/prefix/other")]
    public void No_function_no_match(string method, string path) => Assert.Null(Router("").Match(method, path));

    [Fact]
    public void The_route_prefix_comes_first() =>
        Assert.Equal("Pages", Router("prefix").Match("GET", "/prefix/app/x")?.Function.Name);
}
