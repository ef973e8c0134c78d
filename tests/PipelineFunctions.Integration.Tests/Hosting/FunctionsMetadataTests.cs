using System.Text.Json.Nodes;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Hosting;

/// <summary>
/// What the isolated worker's build tells a Functions host: every stage of the table as a queue trigger, the stalled-transcript
/// sweep as a timer, the rest HTTP; no custom handler left.
/// </summary>
public sealed class FunctionsMetadataTests
{
    static readonly string AppFolder = Path.GetDirectoryName(AppProcess.AppDll)!;

    [Fact]
    public void The_build_lists_every_stage_with_its_queue_and_every_other_function_as_http()
    {
        var functions = JsonNode
            .Parse(File.ReadAllText(Path.Combine(AppFolder, "functions.metadata")))!
            .AsArray()
            .ToDictionary(
                f => (string)f!["name"]!,
                f =>
                    f!["bindings"]!
                        .AsArray()
                        .Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!
            );
        foreach (var stage in StageTable.All)
        {
            Assert.True(
                functions.TryGetValue(stage.Function, out var trigger),
                $"{stage.Function} is not in functions.metadata"
            );
            Assert.Equal("queueTrigger", (string?)trigger!["type"]);
            Assert.Equal(stage.Queue, (string?)trigger["queueName"]);
        }
        Assert.Equal("timerTrigger", (string?)functions["HandOnStalledTranscripts"]["type"]);
        var others = functions
            .Where(f => StageTable.ByFunction(f.Key) is null && f.Key != "HandOnStalledTranscripts")
            .ToList();
        Assert.True(others.Count > 30);
        Assert.All(others, f => Assert.Equal("httpTrigger", (string?)f.Value["type"]));
        Assert.Equal(
            "dotnet-isolated",
            (string?)
                JsonNode.Parse(File.ReadAllText(Path.Combine(AppFolder, "worker.config.json")))!["description"]![
                    "language"
                ]
        );
    }

    [Fact]
    public void No_custom_handler_or_function_json_is_left_in_the_repository()
    {
        var source = Path.Combine(RepoPaths.Root, "src");
        var sep = Path.DirectorySeparatorChar;
        Assert.DoesNotContain(
            Directory.EnumerateFiles(source, "function.json", SearchOption.AllDirectories),
            f => !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}obj{sep}")
        );
        Assert.Null(
            JsonNode.Parse(File.ReadAllText(Path.Combine(source, "PipelineFunctions.App", "host.json")))![
                "customHandler"
            ]
        );
        var project = File.ReadAllText(Path.Combine(source, "PipelineFunctions.App", "PipelineFunctions.App.csproj"));
        Assert.Contains("Microsoft.Azure.Functions.Worker\"", project);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Sdk\"", project);
    }
}
