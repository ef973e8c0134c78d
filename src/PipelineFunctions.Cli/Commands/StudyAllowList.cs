namespace PipelineFunctions.Cli.Commands;

/// <summary>A study's own allow list from a text file (one word or phrase a line, <c>#</c> comments): never replaced.</summary>
static class StudyAllowList
{
    public static async Task<IReadOnlyCollection<string>?> ReadAsync(string? path) =>
        path is null
            ? null
            : (await File.ReadAllLinesAsync(path))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .ToList();
}
