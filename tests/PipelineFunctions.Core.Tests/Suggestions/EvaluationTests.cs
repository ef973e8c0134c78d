using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Evaluation;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>
/// Guards the measured margins over the tf-idf baseline: the lexical engine's on both full sets, the semantic engine's
/// top-3 on the held-out parts (zero-shot, and few-shot learning from the dev parts).
/// </summary>
public sealed class EvaluationTests
{
    [Theory]
    [InlineData("imh-barriers-facilitators")]
    [InlineData("upsides-implementation-influences")]
    public void The_engine_is_ahead_of_tf_idf_at_top_1_zero_shot_and_few_shot(string name)
    {
        var result = SuggestionEvaluation.Run(DevSets.Codebook(name), DevSets.Labelled(name), [], folds: 5);
        Assert.True(
            result.EngineZeroShot.Top1 > result.BaselineZeroShot.Top1 + 0.1,
            $"zero-shot {result.EngineZeroShot.Top1:P1} vs {result.BaselineZeroShot.Top1:P1}"
        );
        Assert.True(
            result.EngineFewShot.Top1 > result.BaselineFewShot.Top1,
            $"few-shot {result.EngineFewShot.Top1:P1} vs {result.BaselineFewShot.Top1:P1}"
        );
        Assert.True(
            result.EngineFewShot.Top3 >= result.BaselineFewShot.Top3,
            $"few-shot top-3 {result.EngineFewShot.Top3:P1} vs {result.BaselineFewShot.Top3:P1}"
        );
    }

    [Fact]
    public void Examples_in_bad_shape_are_refused_with_the_line()
    {
        var e = Assert.Throws<FormatException>(() =>
            LabelledExample.ReadJsonLines("{\"text\": \"a\", \"code\": \"x\"}\n{\"text\": 3}\n")
        );
        Assert.Contains("Line 2", e.Message);
    }

    [Theory]
    [InlineData("imh-barriers-facilitators")]
    [InlineData("upsides-implementation-influences")]
    public void On_held_out_passages_the_semantic_top_3_beats_tf_idf(string name)
    {
        var rows = EngineComparison.Run(
            DevSets.Codebook(name),
            DevSets.Dev(name),
            DevSets.Labelled($"{name}.heldout"),
            SharedEmbeddings.Instance
        );
        var (semantic, tfIdf) = (rows.Single(r => r.Engine == "semantic"), rows.Single(r => r.Engine == "tf-idf"));
        Assert.True(
            semantic.ZeroShot.Top3 > tfIdf.ZeroShot.Top3,
            $"zero-shot top-3 {semantic.ZeroShot.Top3:P0} vs {tfIdf.ZeroShot.Top3:P0}"
        );
        Assert.True(
            semantic.FewShot.Top3 > tfIdf.FewShot.Top3,
            $"few-shot top-3 {semantic.FewShot.Top3:P0} vs {tfIdf.FewShot.Top3:P0}"
        );
    }

    [Fact]
    public void Micro_f1_counts_every_code_of_a_multi_coded_passage()
    {
        var m = RankingMetrics.From(
            [
                (new HashSet<string> { "a", "b" }, [("a", 0.5), ("b", 0.35), ("c", 0.15)]),
                (new HashSet<string> { "c" }, [("a", 0.6), ("c", 0.4)]),
            ],
            threshold: 0.3
        );
        // Applied: {a, b} and {a, c}: 3 right, 1 wrong, none missed.
        Assert.Equal(2.0 * 3 / (2 * 3 + 1 + 0), m.MicroF1, 6);
        Assert.Equal(0.5, m.Top1);
        Assert.Equal(1.0, m.Top3);
    }
}
