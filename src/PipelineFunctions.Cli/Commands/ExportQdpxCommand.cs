using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>export-qdpx</c>: a study, or some of its transcripts, from the running app as a REFI-QDA project for NVivo,
/// ATLAS.ti or MAXQDA. The API key comes from an environment variable, never the command line (it would sit in
/// history).
/// </summary>
public sealed class ExportQdpxCommand : ICliCommand
{
    public string Name => "export-qdpx";
    public string Usage =>
        "export-qdpx --url <app url> --study <id> --out <file.qdpx> [--transcripts id,id] [--key-env VAR (default "
        + "PIPELINE_API_KEY)]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var key = ApiKey.From(parsed.Option("key-env"));
        var path = $"/api/studies/{Uri.EscapeDataString(parsed.Required("study"))}/export/qdpx";
        if (parsed.Option("transcripts") is { } chosen)
            path += $"?transcripts={Uri.EscapeDataString(chosen)}";
        using var api = new PipelineApiClient(new Uri(parsed.Required("url")));
        var (status, body) = await api.BytesAsync(HttpMethod.Get, path, key);
        if ((int)status != 200)
        {
            await stderr.WriteLineAsync($"export-qdpx: the app answered {(int)status}: " + $"{ApiKey.Message(body)}");
            return 1;
        }
        var output = parsed.Required("out");
        await File.WriteAllBytesAsync(output, body);
        await stdout.WriteLineAsync($"Wrote {output} ({body.Length:N0} bytes).");
        return 0;
    }
}
