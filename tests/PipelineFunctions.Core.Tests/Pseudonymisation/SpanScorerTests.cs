using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>The scorer's decisions: public entities and ordinary words stay, names go, and doubt is flagged with its reason.</summary>
public sealed class SpanScorerTests
{
    static PseudonymisedTranscript Run(string text, string language = "en", StudyPseudonymisation? study = null) =>
        new TranscriptPseudonymiser(
            study ?? new StudyPseudonymisation(new byte[32], Detect.Roster),
            new PseudonymBook()
        ).Pseudonymise([new(1, "P1", text)], language);

    [Theory]
    [InlineData("Then they changed me to Olanzapine and later to Quetiapine.", "en")]
    [InlineData("In Uganda, and also Kenya, people talk about it.", "en")]
    [InlineData("We pay with M-Pesa or Airtel Money every Jumatatu.", "en")]
    [InlineData("She said Inshallah and then Alhamdulillah, it was fine.", "en")]
    [InlineData("Und dann hat es zum Glück doch geklappt.", "de")]
    [InlineData("Tulikutana Jumamosi mwezi wa Januari.", "sw")]
    public void Public_entities_and_ordinary_words_stay(string text, string language) =>
        Assert.Empty(Run(text, language).Replacements);

    [Fact]
    public void An_unknown_capitalised_name_inside_a_sentence_goes_with_its_reason()
    {
        var result = Run("Yesterday I went with Sekitoleko to the market.");
        var r = Assert.Single(result.Replacements);
        Assert.Equal("Sekitoleko", r.Original);
        Assert.Equal("unknown-capitalised-word", r.Reason);
    }

    [Fact]
    public void A_large_city_stays_and_a_small_place_goes_by_the_studys_threshold()
    {
        const string text = "In Hamburg gibt es mehr Hilfe als in Söflingen.";
        Assert.DoesNotContain(Run(text, "de").Replacements, r => r.Original == "Hamburg");
        Assert.Contains(Run(text, "de").Replacements, r => r.Original == "Söflingen");
        var strict = new StudyPseudonymisation(new byte[32], Detect.Roster, LargePlacePopulation: 5_000_000);
        Assert.Contains(Run(text, "de", strict).Replacements, r => r.Original == "Hamburg");
    }

    [Fact]
    public void The_studys_own_sites_go_wherever_they_stand()
    {
        var study = new StudyPseudonymisation(new byte[32], Detect.Roster, OwnSites: ["Bergstedt"]);
        Assert.Contains(
            Run("We met at bergstedt yesterday.", "en", study).Replacements,
            r => r.Original == "bergstedt"
        );
    }

    [Fact]
    public void A_capitalised_ordinary_word_inside_a_sentence_stays_but_is_unsure_with_its_reason_and_offsets()
    {
        const string text = "We talked to Precious about the Chapel.";
        var result = Run(text);
        var unsure = Assert.Single(result.UnsureSpans, u => u.Text == "Chapel");
        Assert.Equal("ordinary-word-capitalised", unsure.Reason);
        Assert.Equal(text.IndexOf("Chapel", StringComparison.Ordinal), unsure.Start);
        Assert.Equal(0, unsure.TurnIndex);
        Assert.DoesNotContain(result.Replacements, r => r.Original == "Chapel");
    }

    [Fact]
    public void A_long_number_left_in_clear_is_unsure()
    {
        var result = Run("The number 123456789 is the ward's record count.");
        Assert.Empty(result.Replacements);
        Assert.Equal("long-number", Assert.Single(result.UnsureSpans).Reason);
    }

    [Fact]
    public void A_name_that_is_a_word_goes_when_the_words_around_make_it_a_person()
    {
        var result = Run("I came with Innocent, my cousin, to the clinic.");
        Assert.Contains(result.Replacements, r => r.Original == "Innocent");
    }

    [Fact]
    public void An_unknown_word_after_an_article_stays_unsure_while_the_same_word_as_a_subject_goes()
    {
        var thing = Run("Then we went to the Ngoloba for breakfast.");
        Assert.Empty(thing.Replacements);
        Assert.Equal("unknown-word-after-article", Assert.Single(thing.UnsureSpans).Reason);
        Assert.Contains(Run("Then we went with Ngoloba for breakfast.").Replacements, r => r.Original == "Ngoloba");
    }

    [Fact]
    public void A_lower_case_name_after_a_kinship_word_goes()
    {
        var result = Run("Yesterday my cousin ssekitoleko came to the ward.");
        Assert.Equal("lower-case-word-after-cue", Assert.Single(result.Replacements).Reason);
    }

    [Fact]
    public void A_section_of_a_large_city_is_no_large_city()
    {
        Assert.True(Core.Pseudonymisation.Evidence.Lexicons.Population("hamburg") > 1_000_000);
        Assert.Equal(0, Core.Pseudonymisation.Evidence.Lexicons.Population("kreuzberg"));
    }
}
