using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineFunctions.App.Hosting.CustomHandler;

/// <summary>A queue-triggered function as its function.json declares it.</summary>
public sealed record QueueTriggerDefinition(string FunctionName, string BindingName, string QueueName);

/// <summary>
/// The queue settings of host.json (<c>extensions.queues</c>), with the Functions host's defaults.
/// The local trigger runner honours the same keys.
/// </summary>
public sealed record QueueHostSettings(int BatchSize, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int MaxDequeueCount)
{
    public static QueueHostSettings Defaults { get; } = new(16, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5);
}

/// <summary>Reads host.json and Functions/*/function.json from the app's folder: the one description both hosts use.</summary>
public sealed class FunctionDefinitions
{
    public IReadOnlyList<QueueTriggerDefinition> QueueTriggers { get; }
    public QueueHostSettings Queues { get; }

    public FunctionDefinitions(string root)
    {
        var triggers = new List<QueueTriggerDefinition>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "Functions"), "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var binding in json["bindings"]!.AsArray())
                if ((string?)binding!["type"] == "queueTrigger")
                    triggers.Add(new QueueTriggerDefinition(Path.GetFileName(Path.GetDirectoryName(file)!),
                        (string)binding["name"]!, (string)binding["queueName"]!));
        }
        QueueTriggers = triggers;
        Queues = ReadQueueSettings(Path.Combine(root, "host.json"));
    }

    public QueueTriggerDefinition? Find(string functionName) => QueueTriggers.FirstOrDefault(t => t.FunctionName == functionName);

    static QueueHostSettings ReadQueueSettings(string hostJson)
    {
        var d = QueueHostSettings.Defaults;
        if (!File.Exists(hostJson)) return d;
        var queues = JsonNode.Parse(File.ReadAllText(hostJson), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?["extensions"]?["queues"];
        if (queues is null) return d;
        return new QueueHostSettings(
            Math.Clamp((int?)queues["batchSize"] ?? d.BatchSize, 1, 32),
            Max(ParseSpan(queues["maxPollingInterval"]) ?? d.MaxPollingInterval, TimeSpan.FromMilliseconds(100)),
            ParseSpan(queues["visibilityTimeout"]) ?? d.VisibilityTimeout,
            (int?)queues["maxDequeueCount"] ?? d.MaxDequeueCount);
    }

    static TimeSpan? ParseSpan(JsonNode? node) => node is null ? null : TimeSpan.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
