using PipelineFunctions.Core.Reports;
using static PipelineFunctions.Core.Tests.Reports.ThemesReportSamples;

namespace PipelineFunctions.Core.Tests.Reports;

public sealed class ThemesReportBuilderTests
{
    [Fact]
    public void Columns_are_the_sites_in_study_order_then_the_roles_present_by_name_with_no_role_last()
    {
        Assert.Equal(
            [("site", "Kampala"), ("site", "Dar es Salaam"), ("role", "PSW"), ("role", "staff"), ("role", "no role")],
            Report().Columns.Select(c => (c.Kind, c.Name))
        );
    }

    [Fact]
    public void Themes_are_the_top_level_codes_in_codebook_order_with_their_children_as_rows()
    {
        var report = Report();
        Assert.Equal(["Facilitators", "Barriers"], report.Themes.Select(t => t.Name));
        Assert.Equal(
            ["Supportive figures", "Defined role", "Facilitators (the theme itself)"],
            report.Themes[0].Rows.Select(r => r.Name)
        );
        // A theme without subthemes is its own one row.
        Assert.Equal(["Barriers"], report.Themes[1].Rows.Select(r => r.Name));
        Assert.All(report.Themes[1].Rows, r => Assert.Equal(0, r.All));
    }

    [Fact]
    public void A_subtheme_counts_each_passage_once_with_the_codes_under_it_by_site_and_role()
    {
        var rows = Report().Themes[0].Rows;
        //                        Kampala Dar PSW staff none  all
        Assert.Equal("1 1 1 0 1 | 2", Figures(rows[0]));
        Assert.Equal("1 1 0 1 1 | 2", Figures(rows[1]));
        Assert.Equal("0 1 1 0 0 | 1", Figures(rows[2]));
    }

    [Fact]
    public void The_theme_total_counts_a_passage_once_however_many_subthemes_it_carries()
    {
        var total = Report().Themes[0].Total;
        Assert.Equal("2 2 2 1 1 | 4", Figures(total));
        // Rows add up to more than the total: t2 passage 2 sits in two subthemes.
        Assert.Equal(5, Report().Themes[0].Rows.Sum(r => r.All));
    }

    [Fact]
    public void Quotes_follow_the_rows_then_the_transcripts_order_each_once_with_its_citation()
    {
        Assert.Equal(
            [
                ("Supportive figures", "She backs me up.", "[#9, Kampala, PSW]"),
                ("Supportive figures", "My supervisor listens.", "[#4, Dar es Salaam]"),
                ("Defined role", "I know my tasks", "[#9, Kampala, staff]"),
            ],
            Report().Themes[0].Quotes.Select(q => (q.Subtheme, q.Text, q.Citation))
        );
        Assert.Empty(Report().Themes[1].Quotes);
    }

    [Fact]
    public void A_code_the_codebook_does_not_hold_and_a_cycle_count_nowhere()
    {
        var cyclic = new PipelineFunctions.Core.Codebooks.Codebook(
            "Cycle",
            [new("a", "A", "b", ""), new("b", "B", "a", ""), new("top", "Top", null, "")]
        );
        var report = ThemesReportBuilder.Build(
            cyclic,
            Sites,
            [
                new("t1", 1, "a", "kampala", null),
                new("t1", 2, "top", "kampala", null),
                new("t1", 3, "gone", "dar", null),
            ],
            []
        );
        Assert.Equal(["Top"], report.Themes.Select(t => t.Name));
        Assert.Equal(1, report.Themes[0].Total.All);
    }

    static string Figures(ThemeRow row) => $"{string.Join(' ', row.Counts)} | {row.All}";

    [Fact]
    public void An_empty_study_has_its_sites_as_columns_and_zero_counts()
    {
        var report = ThemesReportBuilder.Build(Codebook, Sites, [], []);
        Assert.Equal(["Kampala", "Dar es Salaam"], report.Columns.Select(c => c.Name));
        Assert.All(report.Themes, t => Assert.Equal([0, 0], t.Total.Counts));
    }
}
