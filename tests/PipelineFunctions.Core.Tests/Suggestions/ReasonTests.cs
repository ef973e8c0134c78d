using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>Reasons a coder can believe, and confidence a new code has to earn.</summary>
public sealed class ReasonTests
{
    const string Imh = "imh-barriers-facilitators";

    [Theory]
    [InlineData("I was a patient at [hospital] for many months in 2019.", false)]
    [InlineData("In March 2021 I moved to [PERSON-3] in Kampala.", false)]
    [InlineData("My supervisor backs me up and chases what I need.", true)]
    public void A_sentence_of_placeholders_places_and_years_has_no_substance(string sentence, bool enough) =>
        Assert.Equal(enough, Substance.Enough(sentence));

    [Theory]
    [InlineData("en", false)]
    [InlineData("en-GB", false)]
    [InlineData("", false)]
    [InlineData("de", true)]
    [InlineData("sw", true)]
    public void A_language_the_engine_does_not_read_abstains_and_says_so(string language, bool abstains)
    {
        var why = Abstention.ForLanguage(language);
        Assert.Equal(abstains, why is not null);
        if (why is not null)
            Assert.Contains($"({language})", why);
    }

    [Fact]
    public void A_sentence_that_only_shares_a_place_or_a_year_is_never_the_reason()
    {
        var engine = new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance, DevSets.Dev(Imh));
        var unit = new CodingUnit(
            1,
            0,
            "P1",
            "I was a patient at [hospital] for many months in 2019. Now I go for a long walk after every hard shift to clear my head.",
            false
        );
        var evidence = engine.Suggest([unit])[0].Suggestions.SelectMany(s => s.Evidence).ToList();
        Assert.NotEmpty(evidence);
        Assert.DoesNotContain(evidence, e => e.Contains("2019", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains("long walk", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_nobody_has_coded_earns_no_more_than_its_definition_alone()
    {
        var codebook = DevSets.Codebook(Imh);
        var coded = DevSets.Dev(Imh).Where(e => e.CodeId != "unclear-role").ToList();
        const string text = "Nobody told me what I was supposed to do, the nurses thought I was there to clean.";
        var zeroShot = new SemanticSuggestionEngine(codebook, SharedEmbeddings.Instance)
            .Rank(text)
            .Single(r => r.CodeId == "unclear-role")
            .Confidence;
        var fewShot = new SemanticSuggestionEngine(codebook, SharedEmbeddings.Instance, coded)
            .Rank(text)
            .Single(r => r.CodeId == "unclear-role")
            .Confidence;
        Assert.True(fewShot <= zeroShot + 1e-9, $"{fewShot:F3} few-shot vs {zeroShot:F3} zero-shot");
        Assert.True(fewShot > 0, "the code is still ranked");
    }
}
