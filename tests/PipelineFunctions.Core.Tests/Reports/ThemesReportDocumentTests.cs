using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PipelineFunctions.Core.Reports;
using static PipelineFunctions.Core.Tests.Reports.ThemesReportSamples;

namespace PipelineFunctions.Core.Tests.Reports;

public sealed class ThemesReportDocumentTests
{
    [Fact]
    public void The_document_is_valid_open_xml_with_a_table_per_theme_and_its_quotes()
    {
        var bytes = ThemesReportDocument.Write(Report(), "UPSIDES");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
        Assert.Empty(errors);

        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        var rows = tables[0]
            .Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .ToList();
        Assert.Equal(["Subtheme", "Site", "Speaker role", "All"], rows[0]);
        Assert.Equal(["", "Kampala", "Dar es Salaam", "PSW", "staff", "no role", ""], rows[1]);
        Assert.Equal(["Supportive figures", "1", "1", "1", "0", "1", "2"], rows[2]);
        Assert.Equal(["All of Facilitators", "2", "2", "2", "1", "1", "4"], rows[^1]);
        var text = body.InnerText;
        Assert.Contains("Themes: UPSIDES", text);
        Assert.Contains("Supportive figures: “She backs me up.” [#9, Kampala, PSW]", text);
    }

    [Fact]
    public void A_report_with_no_themes_is_still_a_valid_document()
    {
        var bytes = ThemesReportDocument.Write(new ThemesReport([], []), "Empty");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("no codes yet", document.MainDocumentPart!.Document!.Body!.InnerText);
    }
}
