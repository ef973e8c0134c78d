using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Coded passages as a table for spreadsheets and reports: CSV (UTF-8 with a BOM, so Excel reads non-Latin text;
/// cells that a spreadsheet would run as a formula are escaped) and Excel .xlsx (inline strings, a bold header).
/// </summary>
public static class CodedPassageTable
{
    // The columns of cases and variables come last, so sheets and scripts made for the first seven still read.
    public static readonly IReadOnlyList<string> Header =
    [
        "Code id",
        "Code",
        "Passage",
        "Speaker",
        "Site",
        "Transcript",
        "Coder",
        "Case",
        StudyVariables.Role,
        StudyVariables.Country,
        StudyVariables.Language,
        StudyVariables.InterviewType,
    ];

    /// <summary>
    /// A project's codings as rows, in source and passage order; <paramref name="siteOf"/> names a source's site (else its
    /// Site value). A passage takes the values of the case whose passages it starts in, else of its source.
    /// </summary>
    public static IReadOnlyList<CodedPassageRow> Rows(QdaProject project, Func<QdaSource, string?>? siteOf = null) =>
        project
            .Sources.SelectMany(source =>
                project
                    .Codings.Where(c => string.Equals(c.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(c => c.Start)
                    .ThenBy(c => c.End)
                    .ThenBy(c => c.CodeId, StringComparer.Ordinal)
                    .ThenBy(c => c.UserId, StringComparer.Ordinal)
                    .Select(c =>
                    {
                        var @case = CaseAt(project, source, c.Start);
                        string? Value(string name) =>
                            @case?.Values.GetValueOrDefault(name) ?? source.Values?.GetValueOrDefault(name);
                        return new CodedPassageRow(
                            c.CodeId,
                            project.Codebook.Find(c.CodeId)?.Name ?? c.CodeId,
                            source.Passage(c.Start, c.End),
                            source.SpeakerAt(c.Start),
                            siteOf?.Invoke(source) ?? Value(StudyVariables.Site),
                            source.Name,
                            c.UserId,
                            @case?.Name,
                            Value(StudyVariables.Role),
                            Value(StudyVariables.Country),
                            Value(StudyVariables.Language),
                            Value(StudyVariables.InterviewType)
                        );
                    })
            )
            .ToList();

    /// <summary>The case whose passages hold the offset; else a case of the whole source (one with no passages).</summary>
    static QdaCase? CaseAt(QdaProject project, QdaSource source, int offset)
    {
        bool Same(string guid) => string.Equals(guid, source.Guid, StringComparison.OrdinalIgnoreCase);
        var cases = project.Cases ?? [];
        return cases.FirstOrDefault(k => k.Passages.Any(p => Same(p.SourceGuid) && p.Start <= offset && offset < p.End))
            ?? cases.FirstOrDefault(k => k.Passages.Count == 0 && k.SourceGuids.Any(Same));
    }

    public static byte[] ToCsv(IEnumerable<CodedPassageRow> rows)
    {
        using var buffer = new MemoryStream();
        using (
            var writer = new StreamWriter(
                buffer,
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
                leaveOpen: true
            )
        )
        using (
            var csv = new CsvWriter(
                writer,
                new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    InjectionOptions = InjectionOptions.Escape,
                    NewLine = "\r\n",
                }
            )
        )
        {
            foreach (var name in Header)
                csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in Cells(row))
                    csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] ToXlsx(IEnumerable<CodedPassageRow> rows, string sheetName = "Coded passages")
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint number = 1;
            data.Append(Row(number++, Header, bold: true));
            foreach (var row in rows)
                data.Append(Row(number++, Cells(row), bold: false));
            sheet.Worksheet = new Worksheet(
                new SheetViews(
                    new SheetView(
                        new Pane
                        {
                            VerticalSplit = 1,
                            TopLeftCell = "A2",
                            State = PaneStateValues.Frozen,
                            ActivePane = PaneValues.BottomLeft,
                        }
                    )
                    {
                        WorkbookViewId = 0,
                    }
                ),
                data
            );
            workbook.Workbook.AppendChild(
                new Sheets(
                    new Sheet
                    {
                        Id = workbook.GetIdOfPart(sheet),
                        SheetId = 1,
                        Name = sheetName[..Math.Min(31, sheetName.Length)],
                    }
                )
            );
        }
        return buffer.ToArray();
    }

    static IReadOnlyList<string> Cells(CodedPassageRow row) =>
        [
            row.CodeId,
            row.CodeName,
            row.Passage,
            row.Speaker ?? "",
            row.Site ?? "",
            row.Transcript,
            row.Coder,
            row.Case ?? "",
            row.Role ?? "",
            row.Country ?? "",
            row.Language ?? "",
            row.InterviewType ?? "",
        ];

    static Row Row(uint number, IReadOnlyList<string> cells, bool bold) =>
        new(
            cells.Select(
                (text, column) =>
                    new Cell
                    {
                        CellReference = $"{(char)('A' + column)}{number}",
                        DataType = CellValues.InlineString,
                        StyleIndex = bold ? 1U : null,
                        // Excel holds at most 32,767 characters in a cell.
                        InlineString = new InlineString(
                            new Text(text.Length > 32_767 ? text[..32_767] : text)
                            {
                                Space = SpaceProcessingModeValues.Preserve,
                            }
                        ),
                    }
            )
        )
        {
            RowIndex = number,
        };

    static Stylesheet Styles() =>
        new(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })
            )
            {
                Count = 2,
            },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 }
        );
}
