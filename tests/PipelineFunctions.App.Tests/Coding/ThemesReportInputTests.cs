using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class ThemesReportInputTests
{
    static readonly SegmentDocument[] Turns =
    [
        new()
        {
            Segment = 1,
            Speaker = "Interviewer",
            Text = "Who helps you?",
        },
        new()
        {
            Segment = 2,
            Speaker = "#9 (PSW)",
            Text = "My supervisor backs me up.",
        },
        new()
        {
            Segment = 3,
            Speaker = "#4 (PSW)",
            Text = "Staff exclude us.",
        },
    ];

    static readonly TranscriptDocument Transcript = new()
    {
        Id = "t1",
        SiteId = "kampala",
        // The study lead's assignment comes before the label in the speaker's name.
        SpeakerRoles = new() { ["#4 (PSW)"] = ParticipantRole.Staff },
    };

    static CoderWorkDocument Work(string coder, params CodingEntry[] codings) =>
        new()
        {
            Coder = coder,
            Submitted = true,
            Codings = [.. codings],
        };

    [Fact]
    public void Passages_come_from_the_final_coding_with_their_site_and_the_speakers_role()
    {
        var final = Work(
            "anna",
            new CodingEntry(2, "supportive-figures", "suggested"),
            new CodingEntry(3, "staff-hostility", "added")
        );
        var (passages, _) = ThemesReportInput.Of(
            new VisibleCoding(Transcript, null, null, final, [final]),
            0,
            Turns,
            "Kampala"
        );
        Assert.Equal(
            [("t1", 2, "supportive-figures", "kampala", "PSW"), ("t1", 3, "staff-hostility", "kampala", "staff")],
            passages.Select(p => (p.Transcript, p.Segment, p.CodeId, p.Site, p.Role))
        );
    }

    [Fact]
    public void Quotes_are_the_marked_codings_of_every_work_shown_with_their_words_and_citation()
    {
        var anna = Work(
            "anna",
            new CodingEntry(2, "supportive-figures", "suggested", 3, 13, Illustrative: true),
            new CodingEntry(3, "staff-hostility", "added")
        );
        var ben = Work("ben", new CodingEntry(3, "staff-hostility", "added", Illustrative: true));
        var (_, quotes) = ThemesReportInput.Of(
            new VisibleCoding(Transcript, null, null, null, [anna, ben]),
            5,
            Turns,
            "Kampala"
        );
        Assert.Equal(
            [
                (5, 2, "supportive-figures", "supervisor", "[#9, Kampala, PSW]"),
                (5, 3, "staff-hostility", "Staff exclude us.", "[#4, Kampala, staff]"),
            ],
            quotes.Select(q => (q.TranscriptOrder, q.Segment, q.CodeId, q.Text, q.Citation))
        );
    }

    [Fact]
    public void Without_a_final_coding_the_callers_own_counts_and_nothing_without_either()
    {
        var mine = Work("lead", new CodingEntry(2, "supportive-figures", "added"));
        Assert.Single(
            ThemesReportInput.Of(new VisibleCoding(Transcript, mine, null, null), 0, Turns, "Kampala").Passages
        );
        Assert.Empty(
            ThemesReportInput.Of(new VisibleCoding(Transcript, null, null, null), 0, Turns, "Kampala").Passages
        );
    }
}
