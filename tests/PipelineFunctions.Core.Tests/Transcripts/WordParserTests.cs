using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PipelineFunctions.Core.Transcripts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PipelineFunctions.Core.Tests.Transcripts;

public sealed class WordParserTests
{
    /// <summary>A Word file with a header, paragraphs, a tracked insertion and deletion, a comment and a speaker table.</summary>
    static byte[] Document()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(new W.Paragraph(new W.Run(new W.Text("Participant 50001 CONFIDENTIAL"))));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new W.Comments(
                new W.Comment(new W.Paragraph(new W.Run(new W.Text("check this later")))) { Id = "1", Author = "TL" }
            );
            main.Document = new W.Document(
                new W.Body(
                    new W.Paragraph(
                        new W.Run(
                            new W.RunProperties(new W.Bold()),
                            new W.Text("Interviewer:") { Space = SpaceProcessingModeValues.Preserve }
                        ),
                        new W.Run(new W.Text(" How was the ward?") { Space = SpaceProcessingModeValues.Preserve })
                    ),
                    new W.Paragraph(
                        new W.Run(new W.Text("50001: It was ") { Space = SpaceProcessingModeValues.Preserve }),
                        new W.DeletedRun(new W.Run(new W.DeletedText("terrible"))) { Id = "2", Author = "A" },
                        new W.InsertedRun(new W.Run(new W.Text("difficult"))) { Id = "3", Author = "A" },
                        new W.CommentRangeStart { Id = "1" },
                        new W.Run(new W.Text(" at first.") { Space = SpaceProcessingModeValues.Preserve }),
                        new W.CommentRangeEnd { Id = "1" },
                        new W.Run(new W.CommentReference { Id = "1" })
                    ),
                    new W.Table(
                        new W.TableRow(Cell("Interviewer"), Cell("And now?")),
                        new W.TableRow(Cell("50001"), Cell("Better."))
                    ),
                    new W.Paragraph(new W.Run(new W.Text("a continuation line.")))
                )
            );
        }
        return stream.ToArray();
    }

    static W.TableCell Cell(string text) => new(new W.Paragraph(new W.Run(new W.Text(text))));

    [Fact]
    public void Reads_paragraphs_and_tables_with_changes_accepted_and_no_header_or_comment()
    {
        var t = TranscriptReader.Read("i.docx", Document());
        Assert.Equal(TranscriptFormat.Word, t.Format);
        Assert.Equal(
            [
                ("Interviewer", "How was the ward?"),
                ("50001", "It was difficult at first."),
                ("Interviewer", "And now?"),
                ("50001", "Better. a continuation line."),
            ],
            t.Turns.Select(x => (x.Speaker, x.Text))
        );
        var text = t.ToText();
        Assert.DoesNotContain("terrible", text);
        Assert.DoesNotContain("CONFIDENTIAL", text);
        Assert.DoesNotContain("check this later", text);
    }

    [Fact]
    public void A_zip_bomb_is_rejected_before_it_is_unpacked()
    {
        var bomb = TestFiles.Bomb("word/document.xml");
        var e = Assert.Throws<TranscriptRejectedException>(() =>
            TranscriptReader.Read("bomb.docx", bomb, new TranscriptLimits(MaxUnpackedBytes: 32L * 1024 * 1024))
        );
        Assert.Equal(RejectionReason.ZipBomb, e.Reason);
        var ratio = Assert.Throws<TranscriptRejectedException>(() => TranscriptReader.Read("bomb.docx", bomb));
        Assert.Equal(RejectionReason.ZipBomb, ratio.Reason);
    }

    [Fact]
    public void A_text_file_renamed_docx_is_a_damaged_document()
    {
        var e = Assert.Throws<TranscriptRejectedException>(() =>
            TranscriptReader.Read("x.docx", "Interviewer: hi"u8.ToArray())
        );
        Assert.Equal(RejectionReason.CorruptDocument, e.Reason);
    }
}
