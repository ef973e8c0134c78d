using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

public sealed class CheckTests
{
    static IReadOnlyList<TranslationFlag> Flags(string[] source, string[] translation, string language = "sw") =>
        SamplePairs.Checker.Check(SamplePairs.Turns(source), language, SamplePairs.Turns(translation), "en").Flags;

    [Fact]
    public void Two_source_turns_translated_as_one_are_merged_not_missing()
    {
        var flags = Flags(
            [
                "Interviewer: Habari za asubuhi, karibu sana.",
                "P1: Nzuri sana, asante kwa kunikaribisha leo.",
                "P1: Nimefurahi kuwa hapa pamoja nanyi.",
                "Interviewer: Tuanze basi na swali la kwanza.",
            ],
            [
                "Interviewer: Good morning, you are very welcome.",
                "P1: Very good, thank you for welcoming me today. I am happy to be here together with you.",
                "Interviewer: Let us start then with the first question.",
            ]
        );
        Assert.Contains(flags, f => f.Kind == "merged-turns" && f.Severity == Severity.Medium);
        Assert.DoesNotContain(flags, f => f.Kind == "missing-turn");
    }

    [Fact]
    public void A_changed_speaker_and_a_drifting_timestamp_are_flagged()
    {
        var flags = Flags(
            [
                "[00:00:01] Interviewer: Habari yako leo rafiki yangu?",
                "[00:00:09] P1: Niko salama kabisa, asante sana.",
            ],
            [
                "[00:00:01] Interviewer: How are you today my friend?",
                "[00:00:30] P2: I am completely fine, thank you very much.",
            ]
        );
        Assert.Contains(flags, f => f is { Kind: "speaker-mismatch", SourceTurn: 2 });
        Assert.Contains(flags, f => f is { Kind: "timestamp-mismatch", Severity: Severity.Low, SourceTurn: 2 });
    }

    [Fact]
    public void Empty_and_duplicated_translation_turns_are_flagged()
    {
        var flags = Flags(
            ["P1: Nilikwenda sokoni asubuhi na mapema.", "P1: Kisha nikarudi nyumbani kupika chakula."],
            ["P1: I went to the market early in the morning.", "P1: I went to the market early in the morning."]
        );
        Assert.Contains(flags, f => f is { Kind: "duplicated-turn", TranslationTurn: 2 });
    }

    [Fact]
    public void A_turn_much_shorter_than_the_pairs_usual_ratio_is_a_length_outlier()
    {
        string[] source =
        [
            "P1: Nilianza kazi hii mwaka uliopita baada ya mafunzo ya muda mrefu hospitalini.",
            "P1: Kila siku ninakutana na watu wengi wanaohitaji msaada na kusikilizwa kwa makini.",
            "P1: Wauguzi wengine wanatuelewa sasa na wanatualika kwenye mikutano yao ya asubuhi.",
            "P1: Wakati mwingine kazi inachosha sana lakini ninajifunza mambo mapya kila wiki.",
            "P1: Ninapenda kuwasaidia watu kwa sababu mimi pia nilipitia magumu kama yao zamani sana.",
        ];
        string[] translation =
        [
            "P1: I started this work last year after a long training at the hospital.",
            "P1: Every day I meet many people who need support and careful listening.",
            "P1: Some nurses understand us now and invite us to their morning meetings.",
            "P1: Sometimes the work is very tiring but I learn new things every week.",
            "P1: I like helping all these people.",
        ];
        Assert.Contains(Flags(source, translation), f => f is { Kind: "length-ratio", SourceTurn: 5 });
    }

    [Fact]
    public void Numbers_written_differently_but_equal_pass_and_placeholders_in_another_order_pass()
    {
        var flags = Flags(
            ["P1: Nilimwona [PERSON-1] na [PERSON-2] kwa siku 3 mfululizo wiki iliyopita."],
            ["P1: I saw [PERSON-2] and [PERSON-1] for 3 days in a row last week."]
        );
        Assert.DoesNotContain(flags, f => f.Severity == Severity.High);
    }
}
