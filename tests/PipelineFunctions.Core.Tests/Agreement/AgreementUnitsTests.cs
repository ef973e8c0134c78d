using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.Core.Tests.Agreement;

public sealed class AgreementUnitsTests
{
    // An interview of ten turns: five questions nobody codes, five answers the coders code differently on two.
    static readonly (int, string)[] Passages =
    [
        .. Enumerable.Range(1, 10).Select(i => (i, i % 2 == 1 ? "Interviewer" : "50001")),
    ];
    static readonly (int, string)[] First = [(2, "a"), (4, "a"), (6, "b"), (8, "a")];
    static readonly (int, string)[] Second = [(2, "a"), (4, "b"), (6, "b"), (10, "a")];

    [Fact]
    public void Interviewer_passages_are_left_out_and_per_cent_agreement_is_no_longer_inflated_by_them()
    {
        var units = AgreementUnits.Of(Passages);
        Assert.Equal([2, 4, 6, 8, 10], units.Counted);
        Assert.Equal(5, units.LeftOut);
        var all = CodingAgreement.Compare([.. Enumerable.Range(1, 10)], First, Second).Overall;
        var participants = CodingAgreement.Compare(units.Counted, First, Second).Overall;
        // 2 codes × 10 passages, 4 units disagree: 80 %; over the 5 answers only: 60 %.
        Assert.Equal((0.8, 0.6), (all.Percent, participants.Percent));
        Assert.Equal(
            "Agreement counts the 5 participant passage(s); 5 interviewer passage(s) are left out, as neither coder codes questions.",
            units.Description
        );
    }

    [Fact]
    public void Without_any_participant_turn_every_passage_counts()
    {
        var units = AgreementUnits.Of([(1, "Interviewer"), (2, "Moderator")]);
        Assert.Equal([1, 2], units.Counted);
        Assert.Equal(0, units.LeftOut);
        Assert.Equal("Agreement counts all 2 passage(s).", units.Description);
    }
}
