using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Reliability;

namespace PipelineFunctions.Core.Tests.Suggestions;

public sealed class EngineAgreementTests
{
    static PassageOutcome P(string engine, string coders) =>
        new(
            engine.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            coders.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
        );

    [Fact]
    public void A_code_the_engine_applies_where_coders_do_is_reliable()
    {
        var passages = Enumerable
            .Range(0, 6)
            .Select(_ => P("a", "a"))
            .Concat(Enumerable.Range(0, 6).Select(_ => P("b", "b")))
            .ToList();
        var a = EngineAgreement.For("a", passages);
        Assert.Equal(ReliabilityLevel.Reliable, a.Level);
        Assert.Equal(1, a.Kappa, 6);
        Assert.Equal((6, 6, 6), (a.Suggested, a.Coded, a.Agreed));
        Assert.Equal(1, a.Precision);
        Assert.Equal(1, a.Recall);
    }

    [Fact]
    public void A_code_the_engine_puts_where_coders_do_not_is_guessing()
    {
        // The engine says "a" on 6 passages coders gave "b", and misses the 4 passages coders gave "a".
        var passages = Enumerable
            .Range(0, 6)
            .Select(_ => P("a", "b"))
            .Concat(Enumerable.Range(0, 4).Select(_ => P("b", "a")))
            .ToList();
        var a = EngineAgreement.For("a", passages);
        Assert.Equal(ReliabilityLevel.Guessing, a.Level);
        Assert.True(a.Kappa < 0, $"κ {a.Kappa}");
        Assert.Equal(0, a.Precision);
        Assert.Equal(0, a.Recall);
        Assert.StartsWith("guessing: κ -", a.Summary);
    }

    [Fact]
    public void Kappa_is_cohens_on_the_two_columns()
    {
        // 10 passages: both 3, engine only 1, coders only 2, neither 4 → p_o 0.7, p_e 0.4·0.5 + 0.6·0.5 = 0.5, κ 0.4.
        var passages = new List<PassageOutcome>();
        passages.AddRange(Enumerable.Range(0, 3).Select(_ => P("a", "a")));
        passages.Add(P("a", ""));
        passages.AddRange(Enumerable.Range(0, 2).Select(_ => P("", "a")));
        passages.AddRange(Enumerable.Range(0, 4).Select(_ => P("", "")));
        var a = EngineAgreement.For("a", passages);
        Assert.Equal(0.4, a.Kappa, 6);
        Assert.Equal(ReliabilityLevel.Learning, a.Level);
        Assert.Equal(0.75, a.Precision);
        Assert.Equal(0.6, a.Recall);
    }

    [Fact]
    public void A_code_coders_use_that_the_engine_never_offered_is_learning()
    {
        var b = EngineAgreement.For("b", Enumerable.Range(0, 6).Select(_ => P("a", "b")).ToList());
        Assert.Equal(ReliabilityLevel.Learning, b.Level);
        Assert.Equal(0, b.Recall);
        Assert.Null(b.Precision);
    }

    [Fact]
    public void Too_few_passages_to_judge_is_learning_not_guessing()
    {
        var a = EngineAgreement.For("a", [P("a", "b"), P("a", "b"), P("b", "a"), P("b", "b")]);
        Assert.Equal(ReliabilityLevel.Learning, a.Level);
        Assert.Null(EngineAgreement.For("c", [P("a", "b")]).Precision);
    }

    [Fact]
    public void A_guessing_code_is_withheld_and_the_passage_says_why()
    {
        var unit = new UnitSuggestions(
            new CodingUnit(1, 0, "P1", "text", false),
            [
                new CodeSuggestion("a", "Alpha", 0.6, ["x"], "semantic"),
                new CodeSuggestion("b", "Beta", 0.3, ["y"], "semantic"),
            ]
        );
        var guessing = new CodeReliability("a", ReliabilityLevel.Guessing, 10, 6, 4, 0, -0.6, 0, 0);
        var learning = guessing with { CodeId = "b", Level = ReliabilityLevel.Learning };
        var result = WithheldCodes.Apply(
            unit,
            new Dictionary<string, CodeReliability> { ["a"] = guessing, ["b"] = learning }
        );
        Assert.Equal(["b"], result.Shown.Suggestions.Select(s => s.CodeId));
        Assert.Contains(
            result.Shown.Suggestions[0].Evidence,
            e => e.StartsWith("Alpha not suggested: the engine is guessing", StringComparison.Ordinal)
        );
        Assert.Equal(["a"], result.Withheld.Select(s => s.CodeId));

        var alone = WithheldCodes.Apply(
            unit with
            {
                Suggestions = [unit.Suggestions[0]],
            },
            new Dictionary<string, CodeReliability> { ["a"] = guessing }
        );
        Assert.Empty(alone.Shown.Suggestions);
        Assert.StartsWith("Alpha not suggested", alone.Shown.Abstained);
        Assert.Same(unit, WithheldCodes.Apply(unit, new Dictionary<string, CodeReliability>()).Shown);
    }
}
