using System.Text.Json;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Cli.Commands;

/// <summary><c>ingest &lt;file&gt;</c>: prints the parsed turns as JSON, for debugging and tests.</summary>
public sealed class IngestCommand : ICliCommand
{
    public string Name => "ingest";
    public string Usage => "ingest <file>";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Positional.Count != 1)
            throw new ArgumentException("give one transcript file.");
        var path = parsed.Positional[0];
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"ingest: no such file: {Path.GetFileName(path)}");
            return 1;
        }
        try
        {
            var transcript = TranscriptReader.Read(Path.GetFileName(path), await File.ReadAllBytesAsync(path));
            await stdout.WriteLineAsync(
                JsonSerializer.Serialize(
                    transcript,
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }
                )
            );
            return 0;
        }
        catch (TranscriptRejectedException e)
        {
            await stderr.WriteLineAsync($"ingest: rejected ({e.Reason}): {e.Message}");
            return 1;
        }
    }
}
