using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Evaluation;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>Guards the measured quality: a change that loses recall or replaces ordinary words fails here.</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void On_the_synthetic_corpus_no_roster_name_is_missed_and_recall_and_over_redaction_hold()
    {
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], SyntheticCorpus.Roster),
            new PseudonymBook()
        );
        var score = PseudonymisationScore.Measure(
            SyntheticCorpus.Generate(400, seed: 3),
            t => pseudonymiser.Detect(t, "en")
        );

        Assert.Equal(1.0, score.Recall("roster"));
        Assert.True(score.OverallRecall >= 0.99, $"recall {score.OverallRecall:P2}");
        foreach (var category in new[] { "person", "place", "hospital", "phone", "email", "id", "date" })
            Assert.True(score.Recall(category) >= 0.95, $"{category} recall {score.Recall(category):P1}");
        Assert.Equal(0, score.ByCategory["not-an-id"].Caught);
        Assert.True(score.OverRedaction < 0.01, $"over-redaction {score.OverRedaction:P2}");
    }

    [Fact]
    public void The_corpus_is_deterministic_for_a_seed() =>
        Assert.Equal(
            SyntheticCorpus.Generate(20, 5).Select(t => t.Text),
            SyntheticCorpus.Generate(20, 5).Select(t => t.Text)
        );
}
