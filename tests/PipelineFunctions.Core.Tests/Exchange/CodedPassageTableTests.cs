using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class CodedPassageTableTests
{
    static readonly IReadOnlyList<CodedPassageRow> Rows = CodedPassageTable.Rows(
        Study(),
        s => s.Guid == SourceA ? "Kampala" : "Haifa"
    );

    [Fact]
    public void Rows_carry_code_passage_speaker_site_transcript_and_coder()
    {
        Assert.Equal(Study().Codings.Count, Rows.Count);
        var row = Rows.First(r => r.CodeId == "supportive-figures" && r.Coder == "coder-anna");
        Assert.Equal(
            new CodedPassageRow(
                "supportive-figures",
                "Supportive figures",
                "My supervisor backed me",
                "50001",
                "Kampala",
                "50001_1 (Kampala)",
                "coder-anna"
            ),
            row
        );
        Assert.Contains(Rows, r => r.Passage.Contains("😅") && r.Speaker == "50001");
    }

    [Fact]
    public void Csv_reads_back_with_a_header_and_escapes_formulas()
    {
        var csvBytes = CodedPassageTable.ToCsv([
            .. Rows,
            new CodedPassageRow("x", "X", "=HYPERLINK(\"http://evil\")", "P1", null, "t", "c"),
        ]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        using var csv = new CsvReader(
            new StringReader(Encoding.UTF8.GetString(csvBytes[3..])),
            CultureInfo.InvariantCulture
        );
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(CodedPassageTable.Header, records[0].Keys);
        Assert.Equal(Rows.Select(r => r.Passage), records.Take(Rows.Count).Select(r => (string)r["Passage"]));
        Assert.Equal("Haifa", records[Rows.Count - 1]["Site"]);
        Assert.StartsWith("'", (string)records[^1]["Passage"]);
    }

    [Fact]
    public void Xlsx_opens_with_a_bold_header_and_the_passages_as_text()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(CodedPassageTable.ToXlsx(Rows)), false);
        var part = doc.WorkbookPart!;
        Assert.Equal("Coded passages", part.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var rows = part.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var cells = rows.Select(r => r.Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList()).ToList();
        Assert.Equal(CodedPassageTable.Header, cells[0]);
        Assert.Equal(Rows.Select(r => r.Passage), cells.Skip(1).Select(c => c[2]));
        Assert.Equal(Rows[0].Transcript, cells[1][5]);
        var boldFormat = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)rows[0].Elements<Cell>().First().StyleIndex!.Value);
        Assert.NotNull(
            part.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)boldFormat.FontId!.Value).Bold
        );
    }
}
