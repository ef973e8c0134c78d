using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Languages;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class LanguageAwareNameTests
{
    static readonly RosterEntry[] Roster =
    [
        new("Robert Kintu", IdentifierCategory.Person, []),
        new("Grace Achieng", IdentifierCategory.Person, []),
        new("Hope Tumusiime", IdentifierCategory.Person, []),
    ];

    static List<(string Text, string Kind)> In(string text, string language = "en", string[]? allow = null)
    {
        var p = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], Roster, allow),
            new PseudonymBook()
        );
        return p.Detect(text, language).Select(d => (text.Substring(d.Start, d.Length), d.Kind)).ToList();
    }

    [Fact]
    public void Each_sentence_gets_its_own_language()
    {
        const string text =
            "It was hard, you know. Aber die Kollegen haben mich unterstützt. Nilikuwa na wasiwasi sana.";
        var tokens = PipelineFunctions.Core.Pseudonymisation.Tokens.Of(text);
        Assert.Equal(["en", "de", "sw"], StretchLanguages.Of(text, tokens, "en").Select(s => s.Language));
    }

    [Fact]
    public void German_nouns_in_a_turn_uploaded_as_english_stay() =>
        Assert.Empty(In("Also wir hatten die Besprechung am Montag und die Pflege war nicht da."));

    [Theory]
    [InlineData("Und dann hab ich mit Herrn Dörrbecker gesprochen.", "Dörrbecker")]
    [InlineData("Also Frau Dr. Lindqvist meinte, ich soll warten.", "Lindqvist")]
    [InlineData("Frau Ostertag Sozialarbeiterin hat den Antrag gemacht.", "Ostertag")]
    [InlineData("Nilienda kwa Mama Shukuru jana.", "Shukuru")]
    [InlineData("So Rav Abutbul came to the ward.", "Abutbul")]
    [InlineData("Uncle Ah Kow at the coffee shop asks.", "Ah Kow")]
    public void The_name_after_a_title_is_taken_and_nothing_after_it(string text, string name) =>
        Assert.Contains((name, "PERSON"), In(text, text.Contains("Frau") || text.Contains("Herrn") ? "de" : "en"));

    [Theory]
    [InlineData("Ich sag mal so, die Frau Doktor hat keine Zeit gehabt.")]
    [InlineData("Ah, Mama Ntilie wa pale kona anapika vizuri.")]
    public void The_ordinary_word_after_a_title_stays(string text) => Assert.Empty(In(text, "de"));

    [Theory]
    [InlineData("By the grace of God I came back.")]
    [InlineData("There is hope, even when it is dark.")]
    [InlineData("Hope is the main thing we give.")]
    public void Names_that_are_words_stay_as_words(string text) => Assert.Empty(In(text));

    [Theory]
    [InlineData("Honestly Hope was the one who told me.", "Hope")]
    [InlineData("Grace, can you cover for me?", "Grace")]
    [InlineData("Bob came late again.", "Bob")]
    [InlineData("I saw R. Kintu on the list.", "R. Kintu")]
    public void Names_that_are_words_nicknames_and_initials_are_taken_where_they_name(string text, string name) =>
        Assert.Contains(In(text), d => d.Text == name && d.Kind == "PERSON");

    [Fact]
    public void Allowed_institutions_and_a_studys_own_phrases_stay()
    {
        Assert.Empty(In("Under the Mental Health Act and with the Ministry of Health we use WRAP and Ex-In."));
        Assert.Contains(In("The Kirabo Circle met at noon."), d => d.Kind == "PERSON");
        Assert.Empty(In("The Kirabo Circle met at noon.", allow: ["Kirabo Circle"]));
    }
}
