using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Reports;

namespace PipelineFunctions.Core.Tests.Reports;

/// <summary>A small codebook of two themes (one with a grandchild code) and passages across two sites and roles.</summary>
static class ThemesReportSamples
{
    public static readonly Codebook Codebook = new(
        "Test",
        [
            new Code("facilitators", "Facilitators", null, ""),
            new Code("supportive-figures", "Supportive figures", "facilitators", ""),
            new Code("supervisor", "Supervisor", "supportive-figures", ""),
            new Code("defined-role", "Defined role", "facilitators", ""),
            new Code("barriers", "Barriers", null, ""),
        ]
    );

    public static readonly (string Id, string Name)[] Sites = [("kampala", "Kampala"), ("dar", "Dar es Salaam")];

    public static readonly ReportPassage[] Passages =
    [
        new("t1", 2, "supportive-figures", "kampala", "PSW"),
        // The same passage under a code deeper down: one passage of its subtheme, not two.
        new("t1", 2, "supervisor", "kampala", "PSW"),
        new("t1", 4, "defined-role", "kampala", "staff"),
        new("t2", 2, "supervisor", "dar", null),
        // Coded to both subthemes: once in each row, once in the theme's total.
        new("t2", 2, "defined-role", "dar", null),
        new("t2", 6, "facilitators", "dar", "PSW"),
        new("t2", 8, "no-such-code", "dar", "PSW"),
    ];

    public static readonly ReportQuote[] Quotes =
    [
        new("t2", 1, 2, null, "supervisor", "My supervisor listens.", "[#4, Dar es Salaam]"),
        new("t1", 0, 4, 3, "defined-role", "I know my tasks", "[#9, Kampala, staff]"),
        new("t1", 0, 2, null, "supportive-figures", "She backs me up.", "[#9, Kampala, PSW]"),
        // Marked by both coders of a pair: listed once.
        new("t1", 0, 2, null, "supportive-figures", "She backs me up.", "[#9, Kampala, PSW]"),
    ];

    public static ThemesReport Report() => ThemesReportBuilder.Build(Codebook, Sites, Passages, Quotes);
}
