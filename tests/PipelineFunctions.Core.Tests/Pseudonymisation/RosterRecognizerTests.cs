namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class RosterRecognizerTests
{
    [Theory]
    [InlineData("I met Nakato Sarah today.", "Nakato Sarah")]
    [InlineData("I met nakato yesterday.", "nakato")]
    [InlineData("NAKATO came late.", "NAKATO")]
    [InlineData("Sarah helped me.", "Sarah")]
    [InlineData("That was Nakato's idea.", "Nakato")]
    [InlineData("Jurgen Albrecht runs the ward.", "Jurgen Albrecht")]
    [InlineData("Albrecht’s team is new.", "Albrecht")]
    [InlineData("I spoke to Sarah N. about it.", "Sarah N")]
    [InlineData("We went to Nakato\nSarah at home.", "Nakato\nSarah")]
    public void Listed_people_are_found_in_every_form(string text, string expected) =>
        Assert.Contains((expected, "PERSON"), Detect.In(text));

    [Fact]
    public void Listed_places_and_organisations_keep_their_category()
    {
        Assert.Contains(("kibuli", "PLACE"), Detect.In("She lives in kibuli now."));
        Assert.Contains(("Hope Foundation", "ORGANISATION"), Detect.In("The Hope Foundation paid for it."));
    }

    [Fact]
    public void A_possessive_keeps_its_ending_outside_the_placeholder()
    {
        var turn = Detect.Pseudonymiser().Pseudonymise([new(1, "P1", "It was Nakato's idea and Nakato agreed.")]).Turns[
            0
        ];
        Assert.Equal("It was [PERSON-1]'s idea and [PERSON-1] agreed.", turn.Text);
    }

    [Fact]
    public void Ordinary_words_that_share_letters_are_left_alone()
    {
        Assert.Empty(Detect.In("There is hope for the sarahs of this world and the kibulis."));
        Assert.DoesNotContain(Detect.In("I have hope that things change."), d => d.Text == "hope");
    }
}
