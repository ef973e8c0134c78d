using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Evaluation;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>Guards the measured margin over the tf-idf baseline on both development sets.</summary>
public sealed class EvaluationTests
{
    [Theory]
    [InlineData("imh-barriers-facilitators")]
    [InlineData("upsides-implementation-influences")]
    public void The_engine_is_ahead_of_tf_idf_at_top_1_zero_shot_and_few_shot(string name)
    {
        var result = SuggestionEvaluation.Run(DevSets.Codebook(name), DevSets.Labelled(name), [], folds: 5);
        Assert.True(result.EngineZeroShot.Top1 > result.BaselineZeroShot.Top1 + 0.1, $"zero-shot {result.EngineZeroShot.Top1:P1} vs {result.BaselineZeroShot.Top1:P1}");
        Assert.True(result.EngineFewShot.Top1 > result.BaselineFewShot.Top1, $"few-shot {result.EngineFewShot.Top1:P1} vs {result.BaselineFewShot.Top1:P1}");
        Assert.True(result.EngineFewShot.Top3 >= result.BaselineFewShot.Top3, $"few-shot top-3 {result.EngineFewShot.Top3:P1} vs {result.BaselineFewShot.Top3:P1}");
    }

    [Fact]
    public void Examples_in_bad_shape_are_refused_with_the_line()
    {
        var e = Assert.Throws<FormatException>(() => LabelledExample.ReadJsonLines("{\"text\": \"a\", \"code\": \"x\"}\n{\"text\": 3}\n"));
        Assert.Contains("Line 2", e.Message);
    }
}
