using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Api;
using PipelineFunctions.Core.Exchange.Mapping;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>import-qdpx</c>: a REFI-QDA project into a study of the running app: codes join the codebook, sources are
/// uploaded for their site (and pseudonymised like any upload), codings become prior work the suggestions learn from.
/// Each source goes where <c>--mapping</c> says (the import page's choices as JSON, by source GUID), else where the
/// file says, else to <c>--site</c>/<c>--language</c>; a source left without either is reported, not imported.
/// <c>--dry-run</c> shows the plan and writes nothing; with <c>--write-mapping</c> it saves the plan as a mapping file
/// to edit and pass back.
/// </summary>
public sealed class ImportQdpxCommand : ICliCommand
{
    public string Name => "import-qdpx";
    public string Usage =>
        "import-qdpx <file.qdpx> --url <app url> --study <id> [--mapping <file.json>] [--site <site>] [--language xx] "
        + "[--dry-run [--write-mapping <file.json>]] [--key-env VAR (default PIPELINE_API_KEY)]; the mapping is "
        + "{\"<source GUID>\": {\"site\": \"kampala\", \"language\": \"sw\"}, …}, sites by id or name, languages by "
        + "code or name; --dry-run --write-mapping writes one for every source to import, from the file or suggested";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("Name one .qdpx file.");
        var dryRun = parsed.Flag("dry-run");
        var writeMapping = parsed.Option("write-mapping");
        if (writeMapping is not null && !dryRun)
            throw new ArgumentException("--write-mapping goes with --dry-run: it writes the plan, not the import.");
        var file = parsed.Positional[0];
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"import-qdpx: there is no file {file}.");
            return 1;
        }
        var mapping = parsed.Option("mapping") is { } mappingFile ? await MappingAsync(mappingFile, stderr) : "";
        if (mapping is null)
            return 1;
        var (study, url) = (parsed.Required("study"), parsed.Required("url"));
        var key = ApiKey.From(parsed.Option("key-env"));
        var query = new List<string>();
        if (parsed.Option("site") is { } site)
            query.Add($"site={Uri.EscapeDataString(site)}");
        if (parsed.Option("language") is { } language)
            query.Add($"language={Uri.EscapeDataString(language)}");
        if (dryRun)
            query.Add("dryRun=true");
        var path =
            $"/api/studies/{Uri.EscapeDataString(study)}/import/qdpx"
            + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        using var api = new PipelineApiClient(new Uri(url));
        var (status, body) = await api.FormAsync(
            path,
            key,
            [("file", Path.GetFileName(file), await File.ReadAllBytesAsync(file))],
            mapping.Length == 0 ? [] : [("mapping", mapping)]
        );
        if ((int)status != 200)
        {
            await stderr.WriteLineAsync($"import-qdpx: the app answered {(int)status}: {ApiKey.Message(body)}");
            return 1;
        }
        var answer = System.Text.Encoding.UTF8.GetString(body);
        await stdout.WriteLineAsync(answer);
        if (writeMapping is not null)
        {
            await File.WriteAllTextAsync(writeMapping, MappingOf(JsonNode.Parse(answer)!));
            await stderr.WriteLineAsync(
                $"import-qdpx: wrote the mapping of the sources to import to {writeMapping}; check each site and "
                    + "language, then import with --mapping."
            );
        }
        return 0;
    }

    /// <summary>The mapping file's JSON, checked here so a mistake is named before the project is sent; null (and the
    /// reason said) when it cannot be read.</summary>
    static async Task<string?> MappingAsync(string file, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"import-qdpx: there is no mapping file {file}.");
            return null;
        }
        var json = await File.ReadAllTextAsync(file);
        if (ImportMapping.Parse(json).Error is { } error)
        {
            await stderr.WriteLineAsync($"import-qdpx: {file}: {error}");
            return null;
        }
        return json;
    }

    /// <summary>
    /// A mapping from a dry run: each source that would be imported or waits for a choice, with its site and
    /// language as decided or suggested (null where neither), and its name to tell them apart.
    /// </summary>
    public static string MappingOf(JsonNode plan)
    {
        var mapping = new JsonObject();
        foreach (var source in plan["sources"]?.AsArray() ?? [])
        {
            if (
                source is null
                || (bool?)source["placed"] != true
                || source["duplicateOfTranscript"] is not null
                || source["duplicateOfSource"] is not null
            )
                continue;
            mapping[(string)source["guid"]!] = new JsonObject
            {
                ["name"] = (string?)source["name"],
                ["site"] = (string?)source["site"] ?? (string?)source["suggestedSite"],
                ["language"] = (string?)source["language"] ?? (string?)source["suggestedLanguage"],
            };
        }
        return mapping.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
