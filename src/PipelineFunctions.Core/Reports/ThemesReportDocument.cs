using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PipelineFunctions.Core.Reports;

/// <summary>
/// The themes report as a Word document: a table per theme (subthemes as rows; sites, then speaker roles, as columns;
/// the theme's total last) and its illustrative quotes with their citations, as a paper's results section uses them.
/// </summary>
public static class ThemesReportDocument
{
    public static byte[] Write(ThemesReport report, string studyName)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body(
                Paragraph("Title", $"Themes: {studyName}"),
                Paragraph(
                    null,
                    "Coded passages per subtheme, by site and by speaker role; a passage counts once per row, and "
                        + "once in its theme's total however many of its subthemes it carries."
                )
            );
            var number = 0;
            foreach (var theme in report.Themes)
            {
                body.Append(Paragraph("Heading1", theme.Name));
                body.Append(Paragraph("Caption", $"Table {++number}. {theme.Name}: coded passages by site and role"));
                body.Append(Table(report.Columns, theme));
                if (theme.Quotes.Count == 0)
                    continue;
                body.Append(Paragraph("Heading2", "Illustrative quotes"));
                foreach (var quote in theme.Quotes)
                    body.Append(
                        new Paragraph(
                            new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }),
                            Run($"{quote.Subtheme}: ", italic: true),
                            Run($"“{quote.Text}” "),
                            Run(quote.Citation)
                        )
                    );
            }
            if (report.Themes.Count == 0)
                body.Append(Paragraph(null, "The codebook has no codes yet."));
            body.Append(
                new SectionProperties(
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin
                    {
                        Top = 1134,
                        Bottom = 1134,
                        Left = 1134U,
                        Right = 1134U,
                        Header = 709U,
                        Footer = 709U,
                        Gutter = 0U,
                    }
                )
            );
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    static Table Table(IReadOnlyList<ReportColumn> columns, ThemeTable theme)
    {
        var sites = columns.Count(c => c.Kind == ThemesReport.Site);
        var roles = columns.Count - sites;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8U },
                    new BottomBorder { Val = BorderValues.Single, Size = 8U },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }
                )
            ),
            new TableGrid(Enumerable.Range(0, columns.Count + 2).Select(_ => new GridColumn()))
        );
        // Two header rows: the groups (Site, Speaker role) above the names; Subtheme and All span both.
        var groups = new List<TableCell> { Cell("Subtheme", bold: true, merge: MergedCellValues.Restart) };
        if (sites > 0)
            groups.Add(Cell("Site", bold: true, span: sites));
        if (roles > 0)
            groups.Add(Cell("Speaker role", bold: true, span: roles));
        groups.Add(Cell("All", bold: true, merge: MergedCellValues.Restart));
        table.Append(HeaderRow(groups));
        table.Append(
            HeaderRow([
                Cell("", merge: MergedCellValues.Continue),
                .. columns.Select(c => Cell(c.Name, bold: true)),
                Cell("", merge: MergedCellValues.Continue),
            ])
        );
        foreach (var row in theme.Rows)
            table.Append(Row(row.Name, row, bold: false));
        table.Append(Row($"All of {theme.Name}", theme.Total, bold: true));
        return table;
    }

    static TableRow HeaderRow(IEnumerable<TableCell> cells) =>
        new([new TableRowProperties(new TableHeader()), .. cells]);

    static TableRow Row(string name, ThemeRow row, bool bold) =>
        new([
            Cell(name, bold),
            .. row.Counts.Select(n => Cell(n.ToString(System.Globalization.CultureInfo.InvariantCulture), bold)),
            Cell(row.All.ToString(System.Globalization.CultureInfo.InvariantCulture), bold),
        ]);

    static TableCell Cell(string text, bool bold = false, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
            properties.Append(new GridSpan { Val = span });
        if (merge is { } m)
            properties.Append(new VerticalMerge { Val = m });
        return new TableCell(properties, new Paragraph(Run(text, bold: bold)));
    }

    static Paragraph Paragraph(string? style, string text) =>
        style is null
            ? new Paragraph(Run(text))
            : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    static Run Run(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
                properties.Append(new Bold());
            if (italic)
                properties.Append(new Italic());
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    static Styles Styles() =>
        new(
            Style("Normal", "Normal", size: 22),
            Style("Title", "Title", size: 36, bold: true, keepNext: true),
            Style("Heading1", "heading 1", size: 28, bold: true, keepNext: true, outline: 0),
            Style("Heading2", "heading 2", size: 24, bold: true, keepNext: true, outline: 1),
            Style("Caption", "caption", size: 20, italic: true, keepNext: true),
            Style("Quote", "Quote", size: 22, indent: true)
        );

    static Style Style(
        string id,
        string name,
        int size,
        bool bold = false,
        bool italic = false,
        bool keepNext = false,
        int? outline = null,
        bool indent = false
    )
    {
        var paragraph = new StyleParagraphProperties();
        if (keepNext)
            paragraph.Append(new KeepNext());
        paragraph.Append(new SpacingBetweenLines { Before = keepNext ? "240" : "0", After = "120" });
        if (indent)
            paragraph.Append(new Indentation { Left = "567" });
        if (outline is { } level)
            paragraph.Append(new OutlineLevel { Val = level });
        var run = new StyleRunProperties();
        if (bold)
            run.Append(new Bold());
        if (italic)
            run.Append(new Italic());
        run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id == "Normal")
            style.Default = true;
        else
            style.Append(new BasedOn { Val = "Normal" });
        style.Append(new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run);
        return style;
    }
}
