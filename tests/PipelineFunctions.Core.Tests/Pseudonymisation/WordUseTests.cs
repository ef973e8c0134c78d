using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>
/// A word's use decides, not the list it is on: a roster word that is also a word counts only where it acts as a name,
/// capitals prove nothing in German, public lexicons keep regions and holidays, and what is left in clear but could
/// identify someone is listed once per text for a person to check.
/// </summary>
public sealed class WordUseTests
{
    static PseudonymisedTranscript Run(string language, IReadOnlyList<RosterEntry> roster, params string[] texts) =>
        new TranscriptPseudonymiser(new StudyPseudonymisation(new byte[32], roster), new PseudonymBook()).Pseudonymise(
            texts.Select((t, i) => new SpeakerTurn(i + 1, "P1", t)).ToList(),
            language
        );

    static string Text(PseudonymisedTranscript result) => string.Join("\n", result.Turns.Select(t => t.Text));

    [Fact]
    public void A_roster_alias_that_is_a_word_goes_as_a_name_and_stays_as_the_word()
    {
        var result = Run(
            "en",
            [new("Mutesi Faith", IdentifierCategory.Person, ["Faith"])],
            "Faith, how has your faith helped?",
            "Some have no faith at all. Faith said it was hard."
        );
        var text = Text(result);
        Assert.Contains("your faith helped", text);
        Assert.Contains("no faith at all", text);
        Assert.DoesNotContain("Faith", text);
    }

    [Fact]
    public void A_roster_word_that_is_a_public_term_goes_only_where_it_names_the_person()
    {
        var result = Run(
            "en",
            [new("Okot Sunday", IdentifierCategory.Person, ["Sunday"])],
            "Sunday, tell me about your week.",
            "On Sunday I rest."
        );
        Assert.StartsWith("[PERSON-", result.Turns[0].Text);
        Assert.Equal("On Sunday I rest.", result.Turns[1].Text);
    }

    [Theory]
    [InlineData("Mein Vater war Fischer am Bodensee.")]
    [InlineData("Ich hatte einen Hunger wie ein Fischer.")]
    public void In_German_a_surname_that_is_a_noun_stays_without_a_person_cue(string text)
    {
        var result = Run("de", [new("Andreas Fischer", IdentifierCategory.Person, [])], text);
        Assert.Equal(text, result.Turns[0].Text);
    }

    [Fact]
    public void In_German_a_given_name_after_an_article_is_a_person()
    {
        var result = Run("de", [], "Und dann kam der Matthias aus dem Chor.");
        Assert.Equal("Matthias", Assert.Single(result.Replacements).Original);
    }

    [Fact]
    public void A_lower_case_name_after_a_relation_goes_though_another_language_has_the_word() =>
        Assert.Equal(
            "kibonge",
            Assert.Single(Run("en", [], "My neighbour kibonge helped me a lot.").Replacements).Original
        );

    [Theory]
    [InlineData("We moved from Niedersachsen to Bayern last year.", "en")]
    [InlineData("On Yom Kippur and on Erev Yom Kippur we fast.", "en")]
    [InlineData("My Jajja and my Ssenga came to visit.", "en")]
    public void Regions_holidays_and_words_for_relatives_stay(string text, string language) =>
        Assert.Empty(Run(language, [], text).Replacements);

    [Fact]
    public void A_word_in_a_school_class_is_no_place() =>
        Assert.Empty(Run("en", [], "I was in S4 when it started.").Replacements);

    [Theory]
    [InlineData("My code is 4471-2, there.", "4471-2", "number-in-groups")]
    public void Numbers_in_groups_and_initials_left_in_clear_are_unsure(string text, string unsure, string reason)
    {
        var span = Assert.Single(Run("en", [], text).UnsureSpans, u => u.Text == unsure);
        Assert.Equal(reason, span.Reason);
    }

    [Theory]
    [InlineData("We paid 50 000 shillings for the transport.")]
    [InlineData("That was in 2019-2020, before the lockdown.")]
    public void Money_and_years_in_groups_are_not_unsure(string text) => Assert.Empty(Run("en", [], text).UnsureSpans);

    [Theory]
    [InlineData("The coordinator, I'll just say R., she is amazing.")]
    [InlineData("The coordinator R. is amazing.")]
    public void An_initial_the_sentence_goes_on_after_is_replaced(string text) =>
        Assert.Contains(Run("en", [], text).Replacements, r => r.Original == "R" && r.Reason == "initials");

    [Fact]
    public void A_text_left_in_clear_is_listed_once_with_its_other_places()
    {
        var result = Run("en", [], "The code 44712 is amazing.", "Everybody knows 44712 here.");
        var span = Assert.Single(result.UnsureSpans, u => u.Text == "44712");
        Assert.Equal(0, span.TurnIndex);
        var other = Assert.Single(span.Others);
        Assert.Equal((1, "Everybody knows ".Length), (other.TurnIndex, other.Start));
        Assert.Equal(2, span.Occurrences.Count());
    }
}
