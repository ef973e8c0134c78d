using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// Word (.docx): the body's paragraphs and tables in order, as the document reads with tracked changes accepted
/// (insertions in, deletions out), without comments, headers or footers (they carry study ids and page furniture,
/// not talk). A table row of two or more cells whose first cell is a speaker label becomes a turn.
/// </summary>
public static class WordTranscriptParser
{
    public static IReadOnlyList<SpeakerTurn> Parse(byte[] content, TranscriptLimits limits) =>
        PlainTextTranscriptParser.Parse(string.Join('\n', Lines(content, limits, tableRowsAsTurns: true)));

    /// <summary>
    /// The body's lines in reading order, one per paragraph. With <paramref name="tableRowsAsTurns"/> a table row
    /// whose first cell is a speaker label reads as one <c>label: text</c> line; without it every cell paragraph is a
    /// line of its own, as other tools render a document to plain text.
    /// </summary>
    public static IReadOnlyList<string> Lines(byte[] content, TranscriptLimits limits, bool tableRowsAsTurns)
    {
        ZipGuard.Check(content, limits);
        var lines = new List<string>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(
                stream,
                false,
                new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes / 2 }
            );
            var body =
                document.MainDocumentPart?.Document?.Body
                ?? throw new TranscriptRejectedException(
                    RejectionReason.CorruptDocument,
                    "The Word file has no document body."
                );
            foreach (var element in body.ChildElements)
            {
                if (element is W.Paragraph p)
                    lines.Add(TextOf(p));
                else if (element is W.Table table && tableRowsAsTurns)
                    lines.AddRange(Rows(table));
                else if (element is W.Table plain)
                    lines.AddRange(plain.Descendants<W.Paragraph>().Select(TextOf));
            }
        }
        catch (Exception e)
            when (e
                    is OpenXmlPackageException
                        or InvalidDataException
                        or System.Xml.XmlException
                        or FileFormatException
                        or InvalidOperationException
            )
        {
            throw new TranscriptRejectedException(
                RejectionReason.CorruptDocument,
                "The Word file is damaged or not a .docx document."
            );
        }
        return lines;
    }

    static IEnumerable<string> Rows(W.Table table) =>
        table
            .Elements<W.TableRow>()
            .SelectMany(row =>
                TableRows.Lines(
                    row.Elements<W.TableCell>()
                        .Select(c => string.Join(' ', c.Elements<W.Paragraph>().Select(TextOf)).Trim())
                        .ToList()
                )
            );

    /// <summary>The paragraph's text as accepted: runs and insertions, not deleted text, field codes or comment marks.</summary>
    static string TextOf(W.Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            if (node.Ancestors<W.Deleted>().Any() || node.Ancestors<W.DeletedRun>().Any())
                continue;
            switch (node)
            {
                case W.Text t:
                    text.Append(t.Text);
                    break;
                case W.TabChar:
                    text.Append(' ');
                    break;
                case W.Break or W.CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Normalize(NormalizationForm.FormC);
    }
}
