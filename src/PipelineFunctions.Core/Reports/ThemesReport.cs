namespace PipelineFunctions.Core.Reports;

/// <summary>
/// The themes report of a results section: per theme (a top-level code of the codebook) a table of its subthemes (its
/// children, each counting the codes under it) with coded passages per site and per speaker role, then the quotes
/// coders marked as illustrative.
/// </summary>
public sealed record ThemesReport(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ThemeTable> Themes)
{
    /// <summary>What a column of counts stands for.</summary>
    public const string Site = "site",
        Role = "role";

    /// <summary>The role column of passages whose speaker has none.</summary>
    public const string NoRole = "no role";
}

/// <param name="Kind"><see cref="ThemesReport.Site"/> or <see cref="ThemesReport.Role"/>.</param>
public sealed record ReportColumn(string Kind, string Id, string Name);

/// <param name="Rows">One per subtheme in codebook order, and one for passages coded to the theme itself when there
/// are some (or when the theme has no subthemes).</param>
/// <param name="Total">The theme as a whole: each passage once, however many of its subthemes it carries.</param>
public sealed record ThemeTable(
    string Code,
    string Name,
    IReadOnlyList<ThemeRow> Rows,
    ThemeRow Total,
    IReadOnlyList<ThemeQuote> Quotes
);

/// <param name="Counts">Passages per column of <see cref="ThemesReport.Columns"/>.</param>
/// <param name="All">Passages in all, each once.</param>
public sealed record ThemeRow(string Code, string Name, IReadOnlyList<int> Counts, int All);

/// <param name="Subtheme">The name of the row the quote's code counts in.</param>
public sealed record ThemeQuote(string Code, string Subtheme, string Text, string Citation);

/// <summary>A passage coded with a code, as the report counts it.</summary>
/// <param name="Transcript">The transcript's id: a passage is (transcript, segment), counted once per row.</param>
public sealed record ReportPassage(string Transcript, int Segment, string CodeId, string Site, string? Role);

/// <summary>A coded passage (or the coded words of it) a coder marked as illustrative.</summary>
/// <param name="TranscriptOrder">The transcript's place in the study (oldest first): quotes are listed in it.</param>
/// <param name="Text">Pseudonymised text only.</param>
/// <param name="Citation">As quotes are cited, e.g. <c>[#9, Kampala, PSW]</c>.</param>
public sealed record ReportQuote(
    string Transcript,
    int TranscriptOrder,
    int Segment,
    int? Start,
    string CodeId,
    string Text,
    string Citation
);
