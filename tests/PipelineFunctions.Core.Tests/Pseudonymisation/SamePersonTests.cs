using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>A transcript is one text: one person, one pseudonym, wherever and however the name stands.</summary>
public sealed class SamePersonTests
{
    static PseudonymisedTranscript Run(string language, params string[] texts) =>
        new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], Detect.Roster),
            new PseudonymBook()
        ).Pseudonymise(texts.Select((t, i) => new SpeakerTurn(i + 1, "P1", t)).ToList(), language);

    [Fact]
    public void A_surname_caught_after_a_title_is_the_same_person_in_the_next_turn()
    {
        // A surname no list knows: only the title in the first turn tells it is a person.
        var result = Run("de", "Ich hab mit Herrn Kesselmeier gesprochen.", "Der Kesselmeier war dann auch nett.");
        var kessler = result.Replacements.Where(r => r.Original == "Kesselmeier").ToList();
        Assert.Equal(2, kessler.Count);
        Assert.Single(kessler.Select(r => r.Pseudonym).Distinct());
        Assert.Equal("same-person", kessler[1].Reason);
    }

    [Fact]
    public void A_given_name_beside_a_replaced_surname_is_one_span_and_one_pseudonym()
    {
        var result = Run("en", "Bill Ssekandi came to see me.");
        var r = Assert.Single(result.Replacements);
        Assert.Equal("Bill Ssekandi", r.Original);
    }

    [Fact]
    public void A_name_split_by_a_line_break_is_one_pseudonym_and_keeps_its_line()
    {
        var result = Run("en", "I talked to Nakato\nSarah about it.");
        var r = Assert.Single(result.Replacements);
        Assert.Equal("Nakato\nSarah", r.Original);
        Assert.Equal($"I talked to {r.Pseudonym}\n about it.", result.Turns[0].Text);
    }
}
