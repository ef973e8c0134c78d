using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class PseudonymConsistencyTests
{
    static readonly RosterEntry[] Roster =
    [
        new("Juma Mwakyusa", IdentifierCategory.Person, ["Bwana Juma"]),
        new("Mirembe", IdentifierCategory.Place, ["Mirembe Hospital"]),
    ];

    [Fact]
    public void The_same_identity_gets_the_same_pseudonym_across_transcripts_and_across_source_and_translation()
    {
        var key = new byte[32];
        key[0] = 7;
        var book = new PseudonymBook();
        var study = new StudyPseudonymisation(key, Roster);
        var source = new TranscriptPseudonymiser(study, book)
            .Pseudonymise(
                [new(1, "50010", "Msimamizi wangu, Bwana Juma, ananisaidia. Dr Okello pia. Hospitali ya Mirembe.")],
                "sw"
            )
            .Turns[0]
            .Text;
        var translation = new TranscriptPseudonymiser(study, new PseudonymBook(book.Numbers))
            .Pseudonymise(
                [new(1, "50010", "My supervisor, Mr Juma Mwakyusa, helps me. Dr Okello too. Mirembe Hospital.")],
                "en"
            )
            .Turns[0]
            .Text;

        Assert.Equal("Msimamizi wangu, [PERSON-1], ananisaidia. Dr [PERSON-2] pia. Hospitali ya [PLACE-1].", source);
        Assert.Equal("My supervisor, Mr [PERSON-1], helps me. Dr [PERSON-2] too. [PLACE-1].", translation);
    }

    [Fact]
    public void Pseudonymised_text_pseudonymised_again_keeps_its_placeholders_and_still_catches_what_is_new()
    {
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], Roster),
            new PseudonymBook()
        );
        var once = pseudonymiser
            .Pseudonymise([new(1, "P1", "My partner Juma Mwakyusa took me to Mirembe Hospital.")], "en")
            .Turns;
        Assert.Equal("My partner [PERSON-1] took me to [PLACE-1].", once[0].Text);
        var again = pseudonymiser.Pseudonymise(
            [.. once, new(2, "P1", "[name] hospital is far; Bwana Juma knows. [laughs]")],
            "en"
        );
        Assert.Equal(once[0].Text, again.Turns[0].Text);
        Assert.Equal("[name] hospital is far; [PERSON-1] knows. [laughs]", again.Turns[1].Text);
        Assert.Single(again.Replacements);
    }

    [Fact]
    public void An_id_inside_a_longer_code_takes_the_whole_code()
    {
        var turns = new TranscriptPseudonymiser(new StudyPseudonymisation(new byte[32], []), new PseudonymBook())
            .Pseudonymise([new(1, "P1", "Her NIN is CM90012345ABCD, mine is S1234567D.")], "en")
            .Turns;
        Assert.Equal("Her NIN is [ID], mine is [ID].", turns[0].Text);
    }

    [Fact]
    public void A_surname_alone_takes_the_pseudonym_of_the_full_name_it_belongs_to()
    {
        var turns = new TranscriptPseudonymiser(new StudyPseudonymisation(new byte[32], []), new PseudonymBook())
            .Pseudonymise(
                [new(1, "P1", "I work with Dr Wanjiru Kamau."), new(2, "P1", "Kamau is kind, and Otieno too.")],
                "en"
            )
            .Turns;
        Assert.Equal("I work with Dr [PERSON-1].", turns[0].Text);
        Assert.Equal("[PERSON-1] is kind, and [PERSON-2] too.", turns[1].Text);
    }

    [Fact]
    public void Another_key_gives_other_digests_so_numbers_cannot_be_linked_without_it()
    {
        var a = new PseudonymBook();
        var b = new PseudonymBook();
        new TranscriptPseudonymiser(new StudyPseudonymisation(new byte[32], Roster), a).Pseudonymise([
            new(1, "P", "Juma came."),
        ]);
        new TranscriptPseudonymiser(
            new StudyPseudonymisation(Enumerable.Repeat((byte)1, 32).ToArray(), Roster),
            b
        ).Pseudonymise([new(1, "P", "Juma came.")]);
        Assert.NotEqual(a.Numbers.Keys.Single(), b.Numbers.Keys.Single());
        Assert.DoesNotContain("juma", a.Numbers.Keys.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Speaker_labels_are_pseudonymised_and_logged_as_such()
    {
        var result = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], Roster),
            new PseudonymBook()
        ).Pseudonymise([new SpeakerTurn(1, "Juma", "Hello, I am here.")]);
        Assert.Equal("[PERSON-1]", result.Turns[0].Speaker);
        Assert.Contains(result.Replacements, r => r.InSpeaker && r.Original == "Juma");
    }

    [Theory]
    [InlineData(PlaceholderStyle.Quote, "[name] took me to [hospital] and called [PHONE-STYLE].")]
    [InlineData(PlaceholderStyle.Typed, "[PERSON] took me to [HOSPITAL] and called [PHONE].")]
    public void The_placeholder_style_is_a_study_setting(PlaceholderStyle style, string expected)
    {
        var text = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], Roster, Style: style),
            new PseudonymBook()
        )
            .Pseudonymise([new(1, "P", "Juma took me to Kiruddu Hospital and called 0772 123456.")])
            .Turns[0]
            .Text;
        Assert.Equal(expected.Replace("[PHONE-STYLE]", "[phone]"), text);
    }
}
