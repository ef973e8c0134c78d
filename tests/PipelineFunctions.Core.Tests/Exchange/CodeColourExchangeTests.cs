using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>A colour fixed per code travels as REFI-QDA's <c>color="#RRGGBB"</c> on <c>Code</c>, in a .qdpx project and
/// a .qdc codebook, out and back in.</summary>
public sealed class CodeColourExchangeTests
{
    static readonly XNamespace Project = "urn:QDA-XML:project:1.0";

    static XDocument Qde(byte[] qdpx)
    {
        using var zip = new ZipArchive(new MemoryStream(qdpx), ZipArchiveMode.Read);
        using var qde = zip.GetEntry("project.qde")!.Open();
        return XDocument.Load(qde);
    }

    [Fact]
    public void A_projects_codes_go_out_with_their_colours_and_come_back_with_them_as_a_project_and_as_a_codebook()
    {
        var study = Study();
        var qdpx = QdpxWriter.Write(study);
        var colours = Qde(qdpx)
            .Descendants(Project + "Code")
            .ToDictionary(c => (string)c.Attribute("name")!, c => (string?)c.Attribute("color"));
        Assert.Equal("#C0392B", colours["Barriers"]);
        Assert.Equal("#27AE60", colours["Facilitators"]);
        Assert.Null(colours["Unclear role"]);
        Assert.Empty(SchemaErrors(Qde(qdpx)));

        var expected = study.Codebook.Codes.Select(c => (c.Id, c.Colour)).ToList();
        Assert.Equal(expected, QdpxReader.Read(qdpx, study.Codebook).Codebook.Codes.Select(c => (c.Id, c.Colour)));
        // Without the study's codebook (another team's tool): the same colours, on codes named as the file names them.
        Assert.Equal(
            expected.Select(e => e.Colour),
            QdpxReader.ReadCodebook(new MemoryStream(qdpx)).Codes.Select(c => c.Colour)
        );
    }

    [Fact]
    public void A_codebooks_colours_round_trip_through_qdc_and_are_read_as_other_tools_write_them()
    {
        var book = CodeColours.Fill(
            new Codebook(
                "b",
                [new("a", "A", null, "d"), new("b", "B", "a", "d", Colour: "#0055AA"), new("c", "C", null, "d")]
            )
        );
        var qdc = CodebookQdc.Write(book);
        Assert.Contains("color=\"#0055AA\"", qdc);
        var back = CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(qdc)), "b");
        Assert.Equal(book.Codes.Select(c => c.Colour), back.Codes.Select(c => c.Colour));

        // NVivo writes #AARRGGBB, some tools #RGB: both read as ours; a colour that is none is left for the palette.
        var foreign = """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>
              <Code guid="11111111-1111-1111-1111-111111111111" name="Alpha" isCodable="true" color="#FFAA0011"/>
              <Code guid="22222222-2222-2222-2222-222222222222" name="Beta" isCodable="true" color="#0a5"/>
              <Code guid="33333333-3333-3333-3333-333333333333" name="Gamma" isCodable="true" color="blue"/>
            </Codes></CodeBook>
            """;
        var read = CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(foreign)), "f");
        Assert.Equal(["#aa0011", "#00aa55", null], read.Codes.Select(c => c.Colour));
    }

    [Fact]
    public void A_new_version_without_colours_keeps_each_codes_colour_and_a_colour_in_the_file_wins()
    {
        var before = new Codebook(
            "b",
            [new("a", "A", null, "d", Colour: "#112233"), new("b", "B", null, "d", Colour: "#445566")]
        );
        var next = new Codebook(
            "b",
            [new("a", "A", null, "d"), new("b", "B", null, "d", Colour: "#778899"), new("c", "C", null, "d")]
        );
        Assert.Equal(["#112233", "#778899", null], CodeColours.Keep(next, before).Codes.Select(c => c.Colour));
        Assert.Same(next, CodeColours.Keep(next, null));
    }
}
