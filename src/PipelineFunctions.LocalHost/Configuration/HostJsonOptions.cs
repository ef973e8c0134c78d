using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>
/// The parts of the app's host.json this host honours; the defaults are the Functions host's (Flex Consumption's for
/// <c>functionTimeout</c>: 30 minutes; <c>-1</c> is no limit, as on a dedicated plan).
/// </summary>
public sealed record HostJsonOptions(
    string RoutePrefix,
    int BatchSize,
    int? NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    bool Base64Messages,
    TimeSpan FunctionTimeout
)
{
    public static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromMinutes(30);

    public static HostJsonOptions Load(string appFolder)
    {
        var path = Path.Combine(appFolder, "host.json");
        return Parse(File.Exists(path) ? File.ReadAllText(path) : "{}");
    }

    public static HostJsonOptions Parse(string json)
    {
        var root = JsonNode.Parse(json);
        var http = root?["extensions"]?["http"];
        var queues = root?["extensions"]?["queues"];
        return new(
            http?["routePrefix"]?.GetValue<string>() ?? "api",
            queues?["batchSize"]?.GetValue<int>() ?? 16,
            queues?["newBatchThreshold"]?.GetValue<int>(),
            Time(queues?["maxPollingInterval"], TimeSpan.FromMinutes(1)),
            Time(queues?["visibilityTimeout"], TimeSpan.Zero),
            queues?["maxDequeueCount"]?.GetValue<int>() ?? 5,
            !string.Equals(queues?["messageEncoding"]?.GetValue<string>(), "none", StringComparison.OrdinalIgnoreCase),
            root?["functionTimeout"]?.GetValue<string>() is "-1"
                ? Timeout.InfiniteTimeSpan
                : Time(root?["functionTimeout"], DefaultFunctionTimeout)
        );
    }

    static TimeSpan Time(JsonNode? node, TimeSpan fallback) =>
        node is null
            ? fallback
            : TimeSpan.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
