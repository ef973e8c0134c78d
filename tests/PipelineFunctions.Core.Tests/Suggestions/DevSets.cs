using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;

namespace PipelineFunctions.Core.Tests.Suggestions;

static class DevSets
{
    public static Codebook Codebook(string name) =>
        CodebookJson.Parse(File.ReadAllText(Repo.Path("samples", "codebooks", $"{name}.json")));

    public static IReadOnlyList<LabelledExample> Labelled(string name) =>
        LabelledExample.ReadJsonLines(File.ReadAllText(Repo.Path("samples", "labelled", $"{name}.jsonl")));

    /// <summary>The development part of a labelled set (the held-out part is for measuring only).</summary>
    public static IReadOnlyList<LabelledExample> Dev(string name) =>
        LabelledExample.ReadJsonLines(File.ReadAllText(Repo.Path("samples", "labelled", $"{name}.dev.jsonl")));
}
