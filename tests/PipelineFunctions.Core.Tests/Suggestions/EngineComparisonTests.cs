using PipelineFunctions.Core.Suggestions.Evaluation;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>Guards the held-out margin: the semantic engine's top-3 above tf-idf's, zero-shot and few-shot (learning from the dev part).</summary>
public sealed class EngineComparisonTests
{
    [Theory]
    [InlineData("imh-barriers-facilitators")]
    [InlineData("upsides-implementation-influences")]
    public void On_held_out_passages_the_semantic_top_3_beats_tf_idf(string name)
    {
        var rows = EngineComparison.Run(DevSets.Codebook(name), DevSets.Dev(name), DevSets.Labelled($"{name}.heldout"), SharedEmbeddings.Instance);
        var (semantic, tfIdf) = (rows.Single(r => r.Engine == "semantic"), rows.Single(r => r.Engine == "tf-idf"));
        Assert.True(semantic.ZeroShot.Top3 > tfIdf.ZeroShot.Top3, $"zero-shot top-3 {semantic.ZeroShot.Top3:P0} vs {tfIdf.ZeroShot.Top3:P0}");
        Assert.True(semantic.FewShot.Top3 > tfIdf.FewShot.Top3, $"few-shot top-3 {semantic.FewShot.Top3:P0} vs {tfIdf.FewShot.Top3:P0}");
    }

    [Fact]
    public void Micro_f1_counts_every_code_of_a_multi_coded_passage()
    {
        var m = RankingMetrics.From([(new HashSet<string> { "a", "b" }, [("a", 0.5), ("b", 0.35), ("c", 0.15)]),
            (new HashSet<string> { "c" }, [("a", 0.6), ("c", 0.4)])], threshold: 0.3);
        // Applied: {a, b} and {a, c}: 3 right, 1 wrong, none missed.
        Assert.Equal(2.0 * 3 / (2 * 3 + 1 + 0), m.MicroF1, 6);
        Assert.Equal(0.5, m.Top1);
        Assert.Equal(1.0, m.Top3);
    }
}
