using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>The parts of the app's host.json this host honours; the defaults are the Functions host's.</summary>
public sealed record HostJsonOptions(string RoutePrefix, int BatchSize, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout,
    int MaxDequeueCount, bool Base64Messages)
{
    public static HostJsonOptions Load(string appFolder)
    {
        var path = Path.Combine(appFolder, "host.json");
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
        var http = root?["extensions"]?["http"];
        var queues = root?["extensions"]?["queues"];
        return new(
            http?["routePrefix"]?.GetValue<string>() ?? "api",
            queues?["batchSize"]?.GetValue<int>() ?? 16,
            Time(queues?["maxPollingInterval"], TimeSpan.FromMinutes(1)),
            Time(queues?["visibilityTimeout"], TimeSpan.Zero),
            queues?["maxDequeueCount"]?.GetValue<int>() ?? 5,
            !string.Equals(queues?["messageEncoding"]?.GetValue<string>(), "none", StringComparison.OrdinalIgnoreCase));
    }

    static TimeSpan Time(JsonNode? node, TimeSpan fallback) =>
        node is null ? fallback : TimeSpan.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
