namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>The command line: <c>--app folder [--port 7071] [--settings file] [--worker-pid-file path]</c>.</summary>
public sealed record HostArguments(string AppFolder, int Port, string? SettingsFile, string? WorkerPidFile)
{
    public static HostArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        if (!values.TryGetValue("app", out var app))
            throw new ArgumentException(
                "Usage: --app <worker app folder> [--port 7071] [--settings local.settings.json] [--worker-pid-file path]"
            );
        return new(
            Path.GetFullPath(app),
            values.TryGetValue("port", out var port)
                ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)
                : 7071,
            // As Core Tools do, the app's own local.settings.json when none is named.
            values.GetValueOrDefault("settings")
                ?? (
                    File.Exists(Path.Combine(app, "local.settings.json"))
                        ? Path.Combine(app, "local.settings.json")
                        : null
                ),
            values.GetValueOrDefault("worker-pid-file")
        );
    }
}
