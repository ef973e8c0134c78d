using System.Text;
using PipelineFunctions.Core.Transcripts;
using static PipelineFunctions.Core.Tests.Transcripts.UploadFixtures;

namespace PipelineFunctions.Core.Tests.Transcripts;

/// <summary>Uploads built to hurt or simply broken: each is refused with its reason and a message quoting nothing.</summary>
public sealed class HostileUploadTests
{
    const string Secret = "Nakato Sarah";

    static TranscriptRejectedException Rejected(
        string name,
        byte[] content,
        RejectionReason reason,
        TranscriptLimits? limits = null
    )
    {
        var e = Assert.Throws<TranscriptRejectedException>(() => TranscriptReader.Read(name, content, limits));
        Assert.Equal(reason, e.Reason);
        Assert.DoesNotContain(Secret, e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    [Fact]
    public void An_odt_zip_bomb_is_refused_before_it_is_unpacked()
    {
        Assert.Contains(
            "OpenDocument",
            Rejected("bomb.odt", TestFiles.Bomb("content.xml"), RejectionReason.ZipBomb).Message
        );
    }

    [Fact]
    public void Broken_odt_files_are_damaged_documents()
    {
        Rejected("x.odt", Encoding.UTF8.GetBytes($"Interviewer: {Secret}"), RejectionReason.CorruptDocument);
        Rejected(
            "x.odt",
            TestFiles.Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray())),
            RejectionReason.CorruptDocument
        );
        Rejected(
            "x.odt",
            TestFiles.Zip(
                ("content.xml", Encoding.UTF8.GetBytes($"<office:document-content xmlns:office=\"o\"><p>{Secret}"))
            ),
            RejectionReason.CorruptDocument
        );
        var dtd = $"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"{Secret}\">]><x>&a;</x>";
        Rejected("x.odt", TestFiles.Zip(("content.xml", Encoding.UTF8.GetBytes(dtd))), RejectionReason.CorruptDocument);
    }

    [Fact]
    public void An_odt_nested_twenty_thousand_deep_is_refused_not_a_stack_overflow()
    {
        var deep =
            string.Concat(Enumerable.Repeat("<text:span>", 20_000))
            + Secret
            + string.Concat(Enumerable.Repeat("</text:span>", 20_000));
        Rejected("deep.odt", Odt($"<text:p>{deep}</text:p>"), RejectionReason.CorruptDocument);
    }

    [Theory]
    [InlineData("Interviewer: not rtf at all")]
    [InlineData("{\\rtf1 Interviewer: hi}}")]
    [InlineData("{\\rtf1 Interviewer: {\\b hi\\par")]
    [InlineData("{\\rtf1 Interviewer: caf\\'zz\\par}")]
    public void Malformed_rtf_is_a_damaged_document(string rtf) =>
        Rejected("x.rtf", Encoding.ASCII.GetBytes(rtf.Replace("hi", Secret)), RejectionReason.CorruptDocument);

    [Fact]
    public void Rtf_nested_without_end_is_refused_not_a_stack_overflow() =>
        Assert.Contains(
            "deeper",
            Rejected(
                "x.rtf",
                Encoding.ASCII.GetBytes("{\\rtf1 " + new string('{', 100_000)),
                RejectionReason.CorruptDocument
            ).Message
        );

    [Fact]
    public void A_scanned_pdf_has_no_text_layer()
    {
        var e = Rejected("scan.pdf", Pdf([], []), RejectionReason.NoTextLayer);
        Assert.Contains("OCR", e.Message);
    }

    [Fact]
    public void Encrypted_truncated_and_fake_pdfs_are_refused_with_their_reason()
    {
        var pdf = Pdf([$"Interviewer: {Secret}"]);
        Assert.Contains("encrypted", Rejected("locked.pdf", Encrypted(pdf), RejectionReason.CorruptDocument).Message);
        Rejected("cut.pdf", pdf[..(pdf.Length / 3)], RejectionReason.CorruptDocument);
        Rejected(
            "fake.pdf",
            Encoding.ASCII.GetBytes($"%PDF-1.7\nInterviewer: {Secret}\n"),
            RejectionReason.CorruptDocument
        );
    }

    [Fact]
    public void Huge_files_in_every_new_format_are_refused_by_size_first()
    {
        var small = new TranscriptLimits(MaxBytes: 1024);
        foreach (var name in new[] { "big.rtf", "big.odt", "big.pdf", "big.txt" })
            Rejected(name, new byte[4096], RejectionReason.TooLarge, small);
    }

    [Fact]
    public void Text_in_no_clear_encoding_keeps_the_clear_error()
    {
        var e = Rejected(
            "x.txt",
            [.. "Interviewer: "u8.ToArray(), 0x81, 0x8D, 0x9D, 0x8F, 0x90],
            RejectionReason.InvalidEncoding
        );
        Assert.Contains("UTF-8", e.Message);
    }
}
