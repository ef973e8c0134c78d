namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class NameRecognizerTests
{
    [Theory]
    [InlineData("My name is Zawadi and I work here.", "Zawadi", "PERSON")]
    [InlineData("Then Dr Kintu came in.", "Kintu", "PERSON")]
    [InlineData("Ask Mama Nyanzi about it.", "Nyanzi", "PERSON")]
    [InlineData("Bwana Mbaraka was there.", "Mbaraka", "PERSON")]
    [InlineData("Herr Grünewald war da.", "Grünewald", "PERSON")]
    [InlineData("I live with my cousin Tendo now.", "Tendo", "PERSON")]
    [InlineData("We took him to Kiruddu Hospital.", "Kiruddu Hospital", "HOSPITAL")]
    [InlineData("The Nsambya Health Centre is far.", "Nsambya Health Centre", "HOSPITAL")]
    [InlineData("Nilikwenda hospitali ya Mwananyamala jana.", "Mwananyamala", "HOSPITAL")]
    [InlineData("She comes from Mbale originally.", "Mbale", "PLACE")]
    [InlineData("We moved to Moshi last year.", "Moshi", "PLACE")]
    [InlineData("Yesterday I met Wanjiru at the market.", "Wanjiru", "PERSON")]
    [InlineData("Okello helped me with the forms.", "Okello", "PERSON")]
    public void Unlisted_names_places_and_facilities_are_found_by_context_lists_and_capitals(
        string text,
        string expected,
        string kind
    ) => Assert.Contains((expected, kind), Detect.In(text));

    [Theory]
    [InlineData("As a PSW I share my own story with the OT and the CM.")]
    [InlineData("The Health Centre was closed on Monday.")]
    [InlineData("In May we started. Hope is what keeps me going.")]
    [InlineData("We speak English and Swahili, and I pray to God.")]
    [InlineData("Honestly the training was good and the Ward felt safer.")]
    [InlineData("He always asks how I'm doing, and I’ve told him.")]
    public void Roles_months_languages_and_common_words_stay(string text) => Assert.Empty(Detect.In(text));

    [Fact]
    public void German_nouns_are_not_taken_for_names()
    {
        Assert.Empty(Detect.In("Die Arbeit auf der Station macht mir Freude, weil die Kollegen helfen.", "de"));
        Assert.Contains(("Grünewald", "PERSON"), Detect.In("Die Arbeit mit Herr Grünewald war gut.", "de"));
    }

    [Fact]
    public void The_studys_own_vocabulary_is_allowed()
    {
        var pseudonymiser = Detect.Pseudonymiser(allow: ["Kampala", "UPSIDES"]);
        Assert.Empty(pseudonymiser.Detect("In the UPSIDES study we met in Kampala.", "en"));
    }
}
