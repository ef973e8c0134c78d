using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.Core.Tests.Suggestions;

static class DevSets
{
    public static Codebook Codebook(string name) => CodebookJson.Parse(File.ReadAllText(Path.Combine(Root(), "samples", "codebooks", $"{name}.json")));

    public static IReadOnlyList<LabelledExample> Labelled(string name) =>
        LabelledExample.ReadJsonLines(File.ReadAllText(Path.Combine(Root(), "samples", "labelled", $"{name}.jsonl")));

    static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PipelineFunctions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
