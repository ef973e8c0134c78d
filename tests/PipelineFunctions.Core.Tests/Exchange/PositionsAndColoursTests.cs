using System.IO.Compression;
using System.Text;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class PositionsAndColoursTests
{
    [Fact]
    public void Code_point_positions_and_utf16_offsets_convert_both_ways()
    {
        const string text = "a😅b\nשלום";
        Assert.Equal([0, 1, 1, 2, 3, 4], Enumerable.Range(0, 6).Select(i => TextPositions.ToCodePoints(text, i)));
        Assert.Equal(3, TextPositions.ToUtf16(text, 2));
        Assert.Equal(text.Length, TextPositions.ToUtf16(text, text.EnumerateRunes().Count()));
        Assert.Equal(-1, TextPositions.ToUtf16(text, 99));
    }

    [Fact]
    public void Positions_counted_on_decomposed_CRLF_text_with_a_BOM_still_select_the_words_once_normalised()
    {
        const string guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
        var raw = "P1: cafe\u0301 talk\r\nP2: my supervisor\r\n"; // as another tool saved it
        var counted = raw.Replace("\r\n", "\n"); // positions count LF line ends
        var start = counted.IndexOf("supervisor", StringComparison.Ordinal);
        var qde = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="Support" isCodable="true" color="#FF27AE60"/></Codes></CodeBook>
            <Sources><TextSource guid="{guid}" name="t" plainTextPath="internal://{guid}.txt"><PlainTextSelection guid="22222222-2222-2222-2222-222222222222" startPosition="{start}" endPosition="{start
                + 10}">
            <Coding guid="33333333-3333-3333-3333-333333333333"><CodeRef targetGUID="11111111-1111-1111-1111-111111111111"/></Coding></PlainTextSelection></TextSource></Sources></Project>
            """;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("project.qde").Open())
                s.Write(Encoding.UTF8.GetBytes(qde));
            using (var s = zip.CreateEntry($"Sources/{guid}.txt").Open())
                s.Write([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(raw)]);
        }
        var project = QdpxReader.Read(buffer.ToArray());
        var source = Assert.Single(project.Sources);
        Assert.Equal("P1: café talk\nP2: my supervisor\n", source.PlainText);
        var coding = Assert.Single(project.Codings);
        Assert.Equal("supervisor", source.Passage(coding.Start, coding.End));
        Assert.Equal("unknown", coding.UserId); // no user anywhere in the file
        Assert.Equal("#27ae60", project.Codebook.Find("support")!.Colour);
    }

    [Theory]
    [InlineData("#C0392B", "#c0392b")]
    [InlineData("#FFC0392B", "#c0392b")] // #AARRGGBB
    [InlineData("#80C0392B", "#c0392b")] // #AARRGGBB, half transparent: eight digits are read this way unless only the last pair is opaque
    [InlineData("#C0392BFF", "#c0392b")] // #RRGGBBAA, opaque
    [InlineData("#abc", "#aabbcc")]
    [InlineData("red", null)]
    [InlineData("", null)]
    public void Colours_read_leniently_and_keep_the_rgb(string value, string? expected) =>
        Assert.Equal(expected, CodeColours.Read(value));
}
