using System.Diagnostics;
using System.Globalization;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// Starts the worker process as the Functions host does (<c>dotnet app.dll --functions-uri …</c>) with the app settings as
/// environment variables, and writes its PID where fault tests look for it.
/// </summary>
public sealed class WorkerLauncher(
    HostArguments arguments,
    AppSettings settings,
    FunctionCatalog catalog,
    RpcEndpoint endpoint,
    ILogger<WorkerLauncher> logger
)
{
    public Process Start(string workerId)
    {
        var dotnet =
            Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = arguments.AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var argument in (string[])
                [
                    Path.Combine(arguments.AppFolder, catalog.ScriptFile),
                    "--functions-uri",
                    endpoint.Uri.ToString(),
                    "--functions-worker-id",
                    workerId,
                    "--functions-request-id",
                    Guid.NewGuid().ToString(),
                    "--functions-grpc-max-message-length",
                    RpcEndpoint.MaxMessageLength.ToString(CultureInfo.InvariantCulture),
                ]
        )
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in settings.Values)
            start.Environment[name] = value;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = arguments.AppFolder;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment[AppSettings.StorageSetting] = settings.ConnectionString(AppSettings.StorageSetting);

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        // The app's own console output, passed through as Core Tools do (the app keeps its logs to ids); its error
        // output only as exception types and stack frames.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Out.WriteLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine(WorkerErrorOutput.Redact(e.Data));
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (arguments.WorkerPidFile is { } pidFile)
        {
            // Written whole then renamed, so a reader never sees it empty.
            File.WriteAllText(pidFile + ".tmp", process.Id.ToString(CultureInfo.InvariantCulture));
            File.Move(pidFile + ".tmp", pidFile, overwrite: true);
        }
        logger.LogInformation("Worker process {Pid} started.", process.Id);
        return process;
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
    }
}
