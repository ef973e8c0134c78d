using System.Diagnostics;
using System.Net;
using PipelineFunctions.LocalHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class HttpTests(HostFixture fixture, ITestOutputHelper output)
{
    readonly HttpClient _http = new() { BaseAddress = fixture.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };

    [Fact]
    public async Task An_http_function_answers_through_the_host_with_its_route_value_body_and_query()
    {
        using var response = await _http.PostAsync("/api/greet/ann?q=zed", new StringContent("four"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello ann (4) zed", await response.Content.ReadAsStringAsync());
        Assert.Contains(fixture.Host.Log, l => l.Contains("Executed Greeting (Succeeded", StringComparison.Ordinal));
        Assert.Equal($"127.0.0.1:{fixture.Host.Port}", Assert.Single(response.Headers.GetValues("x-seen-host")));
        // The query reached the function (above), but no URL reaches the host's log: a search term can be a name.
        Assert.DoesNotContain(fixture.Host.Log, l => l.Contains("q=zed", StringComparison.Ordinal));

        // Warm round trips through host, gRPC and the worker's Kestrel.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
            (await _http.GetAsync("/api/greet/bo")).EnsureSuccessStatusCode();
        output.WriteLine($"HTTP round trip through the host: {watch.Elapsed.TotalMilliseconds / 20:F1} ms on average");
    }

    [Fact]
    public async Task The_callers_traceparent_reaches_the_function_and_a_call_without_one_gets_a_fresh_one()
    {
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/greet/dee");
        request.Headers.Add("traceparent", traceparent);

        using var traced = await _http.SendAsync(request);
        using var untraced = await _http.GetAsync("/api/greet/dee");

        Assert.Equal(traceparent, Assert.Single(traced.Headers.GetValues("x-traceparent")));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", Assert.Single(untraced.Headers.GetValues("x-traceparent")));
    }

    [Fact]
    public async Task A_catch_all_route_gets_the_whole_rest_of_the_path_and_the_worker_sets_status_and_headers()
    {
        using var response = await _http.PutAsync("/api/files/a/b/c.txt", new StringContent("x"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("a/b/c.txt", await response.Content.ReadAsStringAsync());
        Assert.Equal("files", Assert.Single(response.Headers.GetValues("x-sample")));
    }

    [Theory]
    [InlineData("GET", "/api/nowhere")]
    [InlineData("GET", "/greet/ann")]
    [InlineData("DELETE", "/api/greet/ann")]
    public async Task A_request_no_function_routes_is_404(string method, string path)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
