using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>import-qdpx</c>: a REFI-QDA project into a study of the running app: codes join the codebook, sources are
/// uploaded for the site (and pseudonymised like any upload), codings become prior work the suggestions learn from.
/// A source whose language neither the file nor <c>--language</c> says is reported, not imported.
/// </summary>
public sealed class ImportQdpxCommand : ICliCommand
{
    public string Name => "import-qdpx";
    public string Usage =>
        "import-qdpx <file.qdpx> --url <app url> --study <id> --site <site> [--language xx] [--key-env VAR (default "
        + "PIPELINE_API_KEY)]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("Name one .qdpx file.");
        var key = ApiKey.From(parsed.Option("key-env"));
        var file = parsed.Positional[0];
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"import-qdpx: there is no file {file}.");
            return 1;
        }
        var path =
            $"/api/studies/{Uri.EscapeDataString(parsed.Required("study"))}/import/qdpx"
            + $"?site={Uri.EscapeDataString(parsed.Required("site"))}";
        if (parsed.Option("language") is { } language)
            path += $"&language={Uri.EscapeDataString(language)}";
        using var api = new PipelineApiClient(new Uri(parsed.Required("url")));
        var (status, body) = await api.BytesAsync(HttpMethod.Post, path, key, await File.ReadAllBytesAsync(file));
        if ((int)status != 200)
        {
            await stderr.WriteLineAsync($"import-qdpx: the app answered {(int)status}: " + $"{ApiKey.Message(body)}");
            return 1;
        }
        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(body));
        return 0;
    }
}
