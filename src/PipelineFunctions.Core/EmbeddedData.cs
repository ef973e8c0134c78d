using System.IO.Compression;

namespace PipelineFunctions.Core;

/// <summary>The data files shipped inside the assembly (word lists, cue words, evaluation cases): Core's only input.</summary>
static class EmbeddedData
{
    /// <summary>The whole text of a resource; a <c>.gz</c> one is unpacked.</summary>
    public static string Text(string resource)
    {
        using var stream =
            typeof(EmbeddedData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The data file {resource} is missing from the assembly.");
        using var reader = new StreamReader(
            resource.EndsWith(".gz", StringComparison.Ordinal)
                ? new GZipStream(stream, CompressionMode.Decompress)
                : stream
        );
        return reader.ReadToEnd();
    }

    /// <summary>Its trimmed lines, less blank ones and <c>#</c> comments.</summary>
    public static List<string> Lines(string resource) =>
        Text(resource).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    /// <summary>Its lines <c>key: value value …</c>.</summary>
    public static IEnumerable<(string Key, string[] Values)> Keyed(string resource) =>
        Lines(resource)
            .Where(l => l.Contains(':'))
            .Select(l =>
                (
                    l[..l.IndexOf(':')].Trim(),
                    l[(l.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                )
            );
}
