using System.Text;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Transcripts;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("../x.txt")]
    [InlineData("..")]
    [InlineData("a/b.txt")]
    [InlineData("a\\b.txt")]
    [InlineData("inter\u0001view.txt")]
    [InlineData("evil\u202Etxt.exe.txt")]
    [InlineData("   ")]
    [InlineData("CON.txt")]
    public void Hostile_names_are_refused(string name)
    {
        var e = Assert.Throws<TranscriptRejectedException>(() =>
            TranscriptReader.Read(name, "Interviewer: hi\n"u8.ToArray())
        );
        Assert.Equal(RejectionReason.UnsafeFileName, e.Reason);
    }

    [Theory]
    [InlineData("notes.doc", RejectionReason.UnknownFormat)]
    [InlineData("noextension", RejectionReason.UnknownFormat)]
    public void Unknown_formats_are_refused(string name, RejectionReason reason) =>
        Assert.Equal(
            reason,
            Assert.Throws<TranscriptRejectedException>(() => TranscriptReader.Read(name, "hi"u8.ToArray())).Reason
        );

    [Fact]
    public void Empty_blank_too_large_binary_and_broken_utf8_each_have_their_reason()
    {
        Assert.Equal(RejectionReason.Empty, Reason("a.txt", []));
        Assert.Equal(RejectionReason.Empty, Reason("a.txt", "  \n\n "u8.ToArray()));
        Assert.Equal(
            RejectionReason.TooLarge,
            Assert
                .Throws<TranscriptRejectedException>(() =>
                    TranscriptReader.Read("a.txt", new byte[2048], new TranscriptLimits(MaxBytes: 1024))
                )
                .Reason
        );
        Assert.Equal(
            RejectionReason.BinaryContent,
            Reason("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        );
        Assert.Equal(
            RejectionReason.InvalidEncoding,
            Reason("a.txt", [.. "Interviewer: caf"u8.ToArray(), 0xC3, 0x28, 0xA0])
        );
    }

    [Fact]
    public void Rejection_messages_never_quote_the_file()
    {
        var secret = "Interviewer: Nakato Sarah lives at Plot 12\n";
        var bytes = Encoding.UTF8.GetBytes(secret).Concat(new byte[] { 0xFF, 0xFE, 0xFD }).ToArray();
        var e = Assert.Throws<TranscriptRejectedException>(() => TranscriptReader.Read("a.txt", bytes));
        Assert.DoesNotContain("Nakato", e.Message);
    }

    static RejectionReason Reason(string name, byte[] content) =>
        Assert.Throws<TranscriptRejectedException>(() => TranscriptReader.Read(name, content)).Reason;
}
