using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Reports;

/// <summary>
/// Builds the themes report from coded passages: themes are the codebook's top-level codes, subthemes their children;
/// a code deeper down counts in the subtheme above it. Counts are distinct passages (a passage coded twice within a row
/// counts once). Columns are the study's sites, then the speaker roles present (by name, "no role" last).
/// </summary>
public static class ThemesReportBuilder
{
    public static ThemesReport Build(
        Codebook codebook,
        IReadOnlyList<(string Id, string Name)> sites,
        IEnumerable<ReportPassage> passages,
        IEnumerable<ReportQuote> quotes
    )
    {
        var placed = passages
            .Select(p => (Passage: p, Place: PlaceOf(codebook, p.CodeId)))
            .Where(x => x.Place is not null)
            .Select(x => (x.Passage, Place: x.Place!.Value))
            .ToList();
        var columns = Columns(sites, placed.Select(x => x.Passage));
        var themes = codebook
            .Codes.Where(c => IsTop(codebook, c))
            .Select(theme => Table(codebook, theme, columns, placed, quotes))
            .ToList();
        return new ThemesReport(columns, themes);
    }

    static List<ReportColumn> Columns(
        IReadOnlyList<(string Id, string Name)> sites,
        IEnumerable<ReportPassage> passages
    )
    {
        var all = passages.ToList();
        var known = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var siteColumns = sites
            .Select(s => new ReportColumn(ThemesReport.Site, s.Id, s.Name))
            .Concat(
                all.Select(p => p.Site)
                    .Where(s => !known.Contains(s))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(s => new ReportColumn(ThemesReport.Site, s, s))
            );
        var roles = all.Select(p => p.Role)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (all.Any(p => p.Role is null))
            roles.Add(ThemesReport.NoRole);
        return [.. siteColumns, .. roles.Select(r => new ReportColumn(ThemesReport.Role, r, r))];
    }

    static ThemeTable Table(
        Codebook codebook,
        Code theme,
        IReadOnlyList<ReportColumn> columns,
        IReadOnlyList<(ReportPassage Passage, (string Theme, string Row) Place)> placed,
        IEnumerable<ReportQuote> quotes
    )
    {
        var mine = placed.Where(x => x.Place.Theme == theme.Id).ToList();
        var subthemes = codebook.Codes.Where(c => c.Parent == theme.Id && c.Id != theme.Id).ToList();
        var rows = subthemes.Select(s => Row(s.Id, s.Name, columns, mine.Where(x => x.Place.Row == s.Id))).ToList();
        var direct = mine.Where(x => x.Place.Row == theme.Id).ToList();
        if (direct.Count > 0 || subthemes.Count == 0)
            rows.Add(
                Row(theme.Id, subthemes.Count == 0 ? theme.Name : $"{theme.Name} (the theme itself)", columns, direct)
            );
        var order = rows.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var names = rows.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var themeQuotes = quotes
            .Select(q => (Quote: q, Place: PlaceOf(codebook, q.CodeId)))
            .Where(x => x.Place?.Theme == theme.Id)
            .DistinctBy(x => (x.Quote.Transcript, x.Quote.Segment, x.Quote.Start, x.Quote.Text, x.Place!.Value.Row))
            .OrderBy(x => order[x.Place!.Value.Row])
            .ThenBy(x => x.Quote.TranscriptOrder)
            .ThenBy(x => x.Quote.Segment)
            .ThenBy(x => x.Quote.Start ?? -1)
            .Select(x => new ThemeQuote(x.Quote.CodeId, names[x.Place!.Value.Row], x.Quote.Text, x.Quote.Citation))
            .ToList();
        return new ThemeTable(theme.Id, theme.Name, rows, Row(theme.Id, theme.Name, columns, mine), themeQuotes);
    }

    static ThemeRow Row(
        string code,
        string name,
        IReadOnlyList<ReportColumn> columns,
        IEnumerable<(ReportPassage Passage, (string Theme, string Row) Place)> passages
    )
    {
        var distinct = passages.Select(x => x.Passage).DistinctBy(p => (p.Transcript, p.Segment)).ToList();
        var counts = columns
            .Select(c =>
                distinct.Count(p =>
                    c.Kind == ThemesReport.Site
                        ? p.Site == c.Id
                        : string.Equals(p.Role ?? ThemesReport.NoRole, c.Id, StringComparison.OrdinalIgnoreCase)
                )
            )
            .ToList();
        return new ThemeRow(code, name, counts, distinct.Count);
    }

    /// <summary>The theme a code counts in and its row there (the subtheme above it, or the theme itself); null for a
    /// code the codebook does not hold.</summary>
    static (string Theme, string Row)? PlaceOf(Codebook codebook, string codeId)
    {
        var path = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (
            var code = codebook.Find(codeId);
            code is not null && seen.Add(code.Id);
            code = code.Parent is { } p ? codebook.Find(p) : null
        )
            path.Add(code.Id);
        // A cycle in an imported codebook has no top: its codes count nowhere rather than twice.
        if (path.Count == 0 || !IsTop(codebook, codebook.Find(path[^1])!))
            return null;
        return (path[^1], path.Count >= 2 ? path[^2] : path[^1]);
    }

    static bool IsTop(Codebook codebook, Code code) =>
        code.Parent is null || code.Parent == code.Id || codebook.Find(code.Parent) is null;
}
