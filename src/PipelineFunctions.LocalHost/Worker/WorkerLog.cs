using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// Writes the worker's <c>RpcLog</c> messages to the host's console. The message is the app's own (it logs ids only);
/// of an exception only its type is written, since exception messages can carry research data.
/// </summary>
public static class WorkerLog
{
    public static void Write(ILogger logger, JsonObject log)
    {
        var level = (log["level"]?.GetValue<string>()) switch
        {
            "Trace" => LogLevel.Trace,
            "Debug" => LogLevel.Debug,
            "Information" => LogLevel.Information,
            "Warning" => LogLevel.Warning,
            "Error" => LogLevel.Error,
            "Critical" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        // The framework's chatter (the worker's System logs, Microsoft.* and System.* categories) only when it matters.
        var category = log["category"]?.GetValue<string>() ?? "";
        if (
            level < LogLevel.Warning
            && (
                log["logCategory"]?.GetValue<string>() == "System"
                || category.StartsWith("Microsoft.", StringComparison.Ordinal)
                || category.StartsWith("System.", StringComparison.Ordinal)
            )
        )
            return;
        if (level == LogLevel.None || !logger.IsEnabled(level))
            return;
        var exception = log["exception"]?["type"]?.GetValue<string>();
        logger.Log(
            level,
            "{Category}: {Message}{Exception}",
            category,
            log["message"]?.GetValue<string>(),
            string.IsNullOrEmpty(exception) ? "" : $" [{exception}]"
        );
    }
}
