using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// PDF with a text layer (exported from a word processor), read with PdfPig: each page's text in content order, one
/// line per line; page numbers alone on a line are dropped (page furniture, not talk). A scanned PDF has no text to
/// read and is refused so the site can run OCR or upload the source document; encrypted and damaged files are
/// refused with their reason, never a crash.
/// </summary>
public static partial class PdfTranscriptParser
{
    /// <summary>A transcript is tens of pages; thousands is not one, and each page costs time to lay out.</summary>
    public const int MaxPages = 2_000;

    public static IReadOnlyList<SpeakerTurn> Parse(byte[] content)
    {
        var lines = new List<string>();
        var letters = 0;
        try
        {
            using var document = PdfDocument.Open(
                content,
                new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }
            );
            if (document.NumberOfPages > MaxPages)
                throw new TranscriptRejectedException(
                    RejectionReason.TooLarge,
                    $"The PDF has more than {MaxPages} pages; a transcript has far fewer."
                );
            foreach (var page in document.GetPages())
            {
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                lines.AddRange(
                    ContentOrderTextExtractor
                        .GetText(page, true)
                        .Split('\n')
                        .Where(line => !PageFurniture().IsMatch(line))
                );
                lines.Add("");
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new TranscriptRejectedException(
                RejectionReason.CorruptDocument,
                "The PDF is encrypted or password-protected; save it without protection and upload it again."
            );
        }
        catch (Exception e) when (e is not TranscriptRejectedException and not OutOfMemoryException)
        {
            // PdfPig throws many types on broken input (its own, format, index, invalid operation); all mean the same here.
            throw new TranscriptRejectedException(
                RejectionReason.CorruptDocument,
                "The PDF is damaged or not a PDF document."
            );
        }
        if (letters == 0)
            throw new TranscriptRejectedException(
                RejectionReason.NoTextLayer,
                "The PDF has no text layer (it is a scan or pictures of pages); run text recognition (OCR) on it or upload the document it was made from."
            );
        return PlainTextTranscriptParser.Parse(
            TextDecoding.Normalise(string.Join('\n', lines).Normalize(NormalizationForm.FormC))
        );
    }

    [GeneratedRegex(
        @"^\s*(?:(?:page|seite|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|von)\s*\d{1,4})?\s*$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex PageFurniture();
}
