using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

/// <summary>Sentence splitting and the costs the dropped-sentence check compares; Kiswahili cues read as data.</summary>
public sealed class SentenceAlignerTests
{
    [Theory]
    [InlineData("Bi. [PERSON-1] alinisaidia. Asante.", 2)]
    [InlineData("Das war z. B. im Winter so. Dann nicht mehr.", 2)]
    [InlineData("Ich habe ca. zehn Patienten. Manchmal mehr!", 2)]
    [InlineData("Dr. [PERSON-2] came. Then Mr. [PERSON-3] left… We stayed? Yes.", 4)]
    [InlineData("Ja. Das stimmt.", 2)]
    public void Sentences_end_at_full_stops_that_end_sentences(string text, int count) =>
        Assert.Equal(count, SentenceAligner.Sentences(text).Count);

    [Fact]
    public void Leaving_a_sentence_alone_costs_the_best_when_it_is_the_one_the_best_alignment_leaves()
    {
        List<string> source =
        [
            "Erste Sache war lang genug.",
            "Zweite ganz andere Sache hier.",
            "Dritte Sache war auch noch sehr lang und ausführlich.",
        ];
        List<string> translation = ["The first thing was long enough.", "The second quite different thing here."];
        var best = SentenceAligner.Cost(source, translation, 1.1);
        Assert.Equal([2], SentenceAligner.Align(source, translation, 1.1).Single(b => b.Translation.Count == 0).Source);
        Assert.Equal(best, SentenceAligner.CostWithout(source, translation, 1.1, 2), 9);
        Assert.True(SentenceAligner.CostWithout(source, translation, 1.1, 0) > best);
    }

    static IReadOnlyList<TranslationFlag> Flags(string source, string translation) =>
        SamplePairs
            .Checker.Check(
                SamplePairs.Turns("Mhojaji: Habari.", $"Mshiriki: {source}"),
                "sw",
                SamplePairs.Turns("Interviewer: Hello.", $"Participant: {translation}"),
                "en"
            )
            .Flags;

    [Theory]
    [InlineData("Sina muda wa kupumzika.", "I have no time to rest.")]
    [InlineData("Sijui kama nitaweza kuendelea.", "I do not know if I can go on.")]
    [InlineData("Hakuwa kazini siku hiyo.", "He was not at work that day.")]
    [InlineData("Sisi tuko hali nzuri, habari njema.", "We are in a good state, good news.")]
    public void Kiswahili_negatives_and_their_look_alikes_are_read_right(string source, string translation) =>
        Assert.DoesNotContain(Flags(source, translation), f => f.Kind == FlagKinds.Negation);

    [Theory]
    [InlineData("Nimefanya kazi kwa miaka minne.", "I have worked for four years.")]
    [InlineData("Tulinunua vitu vitatu sokoni.", "We bought three things at the market.")]
    public void Kiswahili_numbers_agreeing_with_their_noun_are_read(string source, string translation) =>
        Assert.DoesNotContain(Flags(source, translation), f => f.Kind == FlagKinds.NumberMismatch);
}
