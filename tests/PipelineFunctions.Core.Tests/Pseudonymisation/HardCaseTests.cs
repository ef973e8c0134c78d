using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Evaluation;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>Guards the hand-written hard cases: no identifier leaks and at most 2 % of must-keep words are lost, per kind.</summary>
public sealed class HardCaseTests
{
    static readonly IReadOnlyList<HardCaseScore.CaseResult> Results = HardCaseScore.Run(
        HardCases.All,
        new TranscriptPseudonymiser(new StudyPseudonymisation(new byte[32], HardCases.Roster), new PseudonymBook())
    );

    [Fact]
    public void There_are_at_least_150_cases_in_five_languages_split_into_dev_and_held_out()
    {
        Assert.True(HardCases.All.Count >= 150);
        Assert.Equal(["de", "en", "he", "sw"], HardCases.All.Select(c => c.Language).Distinct().Order());
        Assert.Equal(HardCases.All.Count / 4, HardCases.All.Count(c => c.HeldOut));
    }

    [Fact]
    public void No_identifier_leaks_in_any_kind() =>
        Assert.All(
            HardCaseScore.ByKind(Results),
            k => Assert.True(k.Value.Leaked == 0, $"{k.Key}: {k.Value.Leaked} leaked")
        );

    [Fact]
    public void At_most_two_percent_of_must_keep_words_are_lost_per_kind() =>
        Assert.All(
            HardCaseScore.ByKind(Results),
            k => Assert.True(k.Value.LostShare <= 0.02, $"{k.Key}: {k.Value.Lost} of {k.Value.MustKeep} lost")
        );

    [Fact]
    public void The_markup_is_read_into_spans()
    {
        var grace = HardCases.All.First(c => c.Speaker == "Grace");
        Assert.Contains(grace.MustGo, s => s.InSpeaker && s.Length == 5);
        Assert.Equal("grace", grace.Text.Substring(grace.MustKeep[0].Start, grace.MustKeep[0].Length));
    }
}
