using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// OpenDocument text (.odt, from LibreOffice and others): a zip whose <c>content.xml</c> holds the body. Its paragraphs,
/// headings, lists, sections and tables are read in order, as the document reads with tracked changes accepted
/// (deleted text sits apart in <c>text:tracked-changes</c>), without notes, annotations, headers or footers — the same
/// choices as for Word. The zip is checked before anything unpacks (<see cref="ZipGuard"/>) and the XML is read through
/// <see cref="GuardedXml"/> (no DTD, no external resources, no absurd nesting).
/// </summary>
public static class OpenDocumentTranscriptParser
{
    const string Document = "The OpenDocument file";
    static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    public static IReadOnlyList<SpeakerTurn> Parse(byte[] content, TranscriptLimits limits) =>
        PlainTextTranscriptParser.Parse(string.Join('\n', Lines(content, limits)));

    static IReadOnlyList<string> Lines(byte[] content, TranscriptLimits limits)
    {
        ZipGuard.Check(content, limits, Document, ".odt");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("content.xml") ?? throw Corrupt();
            var body = Load(entry).Root?.Element(Office + "body")?.Element(Office + "text") ?? throw Corrupt();
            var lines = new List<string>();
            Block(body, lines);
            return lines;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or EndOfStreamException or FormatException)
        {
            throw Corrupt();
        }
    }

    /// <summary>Reads the entry no further than the size its directory declared (and <see cref="ZipGuard"/> checked).</summary>
    static XDocument Load(ZipArchiveEntry entry)
    {
        var bytes = new byte[entry.Length];
        using (var stream = entry.Open())
        {
            stream.ReadExactly(bytes);
            if (stream.ReadByte() != -1)
                throw new TranscriptRejectedException(
                    RejectionReason.ZipBomb,
                    $"{Document} unpacks to more than it declares (a crafted archive)."
                );
        }
        return GuardedXml.Load(bytes);
    }

    static void Block(XElement container, List<string> lines)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name == Text + "p" || element.Name == Text + "h")
                lines.Add(Inline(element));
            else if (element.Name == Table + "table")
                foreach (var row in element.Descendants(Table + "table-row"))
                    lines.AddRange(
                        TableRows.Lines(
                            row.Elements(Table + "table-cell")
                                .Select(cell =>
                                    string.Join(' ', cell.Descendants().Where(Paragraph).Select(Inline)).Trim()
                                )
                                .ToList()
                        )
                    );
            else if (
                element.Name == Text + "list"
                || element.Name == Text + "list-item"
                || element.Name == Text + "section"
            )
                Block(element, lines);
        }
    }

    static bool Paragraph(XElement e) => e.Name == Text + "p" || e.Name == Text + "h";

    /// <summary>A paragraph's words: spans and links; <c>text:s</c> as its count of spaces, tabs and line breaks as one.</summary>
    static string Inline(XElement paragraph)
    {
        var text = new StringBuilder();
        void Walk(XElement element)
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText t)
                    text.Append(t.Value);
                else if (node is not XElement e)
                    continue;
                else if (e.Name == Text + "s")
                    text.Append(' ', Math.Clamp((int?)e.Attribute(Text + "c") ?? 1, 1, 100));
                else if (e.Name == Text + "tab" || e.Name == Text + "line-break")
                    text.Append(' ');
                else if (e.Name == Text + "note" || e.Name == Office + "annotation")
                    continue;
                else
                    Walk(e);
            }
        }
        Walk(paragraph);
        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    static TranscriptRejectedException Corrupt() =>
        new(RejectionReason.CorruptDocument, $"{Document} is damaged or not an .odt document.");
}
