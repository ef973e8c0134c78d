using System.Security;
using System.Text;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PipelineFunctions.Core.Tests.Transcripts;

/// <summary>Upload files built here, as the tools make them: OpenDocument text, RTF, PDF with and without a text layer.</summary>
static class UploadFixtures
{
    public const string OdfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>An .odt whose body is the given XML (paragraphs, tables …) inside <c>office:text</c>.</summary>
    public static byte[] Odt(string bodyXml, string? tracked = null) =>
        TestFiles.Zip(
            ("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()),
            (
                "content.xml",
                Encoding.UTF8.GetBytes(
                    $"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="{OdfText}"
                      xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
                      <office:body><office:text>{tracked}{bodyXml}</office:text></office:body>
                    </office:document-content>
                    """
                )
            )
        );

    public static string P(string text) => $"<text:p>{SecurityElement.Escape(text)}</text:p>";

    /// <summary>A PDF with one text line per entry (Helvetica, one of the fonts every reader has), a page per list.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            for (var i = 0; i < lines.Length; i++)
                page.AddText(lines[i], 11, new UglyToad.PdfPig.Core.PdfPoint(50, 800 - 16 * i), font);
        }
        return builder.Build();
    }

    /// <summary>The PDF with an encryption dictionary in its trailer, as a password-protected export has.</summary>
    public static byte[] Encrypted(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at =
            text.IndexOf("<<", text.LastIndexOf("trailer", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        return Encoding.Latin1.GetBytes(
            text[..at]
                + " /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
                + new string('A', 64)
                + "> /U <"
                + new string('B', 64)
                + "> >> "
                + text[at..]
        );
    }
}
