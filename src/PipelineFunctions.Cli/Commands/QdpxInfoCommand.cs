using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>qdpx-info &lt;file&gt;</c>: what a REFI-QDA project holds, read offline through the same guarded reader an import
/// uses (tolerantly, so one bad source does not hide the rest), as JSON. Exit 0 when every source and coding was
/// placed, 3 when the file reads but something was not, 1 when it is refused.
/// </summary>
public sealed class QdpxInfoCommand : ICliCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Names from other tools hold any script; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "qdpx-info";
    public string Usage => "qdpx-info <file.qdpx>";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("give one .qdpx file.");
        var path = parsed.Positional[0];
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"qdpx-info: no such file: {Path.GetFileName(path)}");
            return 1;
        }
        try
        {
            await using var file = File.OpenRead(path);
            var info = QdpxInfo.Of(QdpxReader.Import(file));
            await stdout.WriteLineAsync(JsonSerializer.Serialize(info, Json));
            return info.Problems.Count == 0 ? 0 : 3;
        }
        catch (QdpxRejectedException e)
        {
            await stderr.WriteLineAsync($"qdpx-info: refused ({e.Problem}): {e.Message}");
            return 1;
        }
    }
}
