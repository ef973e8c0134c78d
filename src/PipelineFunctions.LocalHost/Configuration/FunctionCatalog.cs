using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>
/// The triggers in <c>functions.metadata</c>, which the worker SDK's build writes. Read before the worker starts, since
/// the queue listeners, timers and routes are set up from it. A function whose <c>AzureWebJobs.{name}.Disabled</c> setting is
/// true is left out, as the Functions host leaves it.
/// </summary>
public sealed record FunctionCatalog(
    string ScriptFile,
    IReadOnlyList<HttpFunction> Http,
    IReadOnlyList<QueueFunction> Queues,
    IReadOnlyList<TimerFunction> Timers
)
{
    public static FunctionCatalog Load(string appFolder, AppSettings settings, Action<string, string> unsupported)
    {
        var file = Path.Combine(appFolder, "functions.metadata");
        if (!File.Exists(file))
            throw new FileNotFoundException(
                $"No functions.metadata in {appFolder}: is it the build output of an app using Microsoft.Azure.Functions.Worker.Sdk?"
            );
        var functions = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        var http = new List<HttpFunction>();
        var queues = new List<QueueFunction>();
        var timers = new List<TimerFunction>();
        string? script = null;
        foreach (var function in functions)
        {
            var name = function!["name"]!.GetValue<string>();
            script ??= function["scriptFile"]!.GetValue<string>();
            var trigger = function["bindings"]!
                .AsArray()
                .FirstOrDefault(b =>
                    b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)
                );
            var type = trigger?["type"]!.GetValue<string>();
            var binding = trigger?["name"]!.GetValue<string>() ?? "";
            if (bool.TryParse(settings.Get($"AzureWebJobs.{name}.Disabled"), out var disabled) && disabled)
                continue;
            if (string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
                http.Add(
                    new(
                        name,
                        binding,
                        trigger!["route"]?.GetValue<string>() ?? name,
                        trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList()
                            ?? []
                    )
                );
            else if (string.Equals(type, "queueTrigger", StringComparison.OrdinalIgnoreCase))
                queues.Add(
                    new(
                        name,
                        binding,
                        settings.Resolve(trigger!["queueName"]!.GetValue<string>()),
                        settings.ConnectionString(trigger["connection"]?.GetValue<string>()),
                        string.Equals(
                            trigger["properties"]?["supportsDeferredBinding"]?.GetValue<string>(),
                            "True",
                            StringComparison.OrdinalIgnoreCase
                        )
                    )
                );
            else if (string.Equals(type, "timerTrigger", StringComparison.OrdinalIgnoreCase))
                timers.Add(new(name, binding, settings.Resolve(trigger!["schedule"]!.GetValue<string>())));
            else
                unsupported(name, type ?? "none");
            // Outputs leave through the Azure SDK in the app; a host output binding would be silently dropped here.
            foreach (
                var output in function["bindings"]!
                    .AsArray()
                    .Where(b => b!["direction"]?.GetValue<string>() == "Out" && b["type"]!.GetValue<string>() != "http")
            )
                unsupported(name, "output " + output!["type"]!.GetValue<string>());
        }
        return new(
            script ?? throw new InvalidOperationException("functions.metadata lists no function."),
            http,
            queues,
            timers
        );
    }
}
