using System.IO.Compression;
using System.Net;
using System.Text;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class BadInputTests(PipelineFixture fixture)
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "empty", "empty.txt", 422 },
        { "too-large", "huge.txt", 413 },
        { "binary", "photo.txt", 422 },
        { "invalid-utf8", "broken.txt", 422 },
        { "zip-bomb", "bomb.docx", 422 },
        { "unknown-extension", "notes.pdf", 415 },
        { "dot-dot", "../../etc/passwd.txt", 400 },
        { "control", "inter\u0001view.txt", 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_rejected_with_a_reason_and_the_original_kept(string kind, string fileName, int expected)
    {
        var study = await fixture.CreateStudyAsync();
        var content = Content(kind);
        var (status, body) = await fixture.UploadAsync(study, "kampala", fileName, content, PipelineFixture.KampalaKey);

        Assert.Equal(expected, (int)status);
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["message"]));
        var id = (string)body["transcriptId"]!;
        var transcript = await fixture.Transcripts.GetAsync(study, id, default);
        Assert.NotNull(transcript);
        Assert.Equal(App.Model.TranscriptStatus.Rejected, transcript.Status);
        Assert.False(string.IsNullOrWhiteSpace(transcript.Reason));
        Assert.DoesNotContain("..", transcript.FileName);
        Assert.DoesNotContain('\u0001', transcript.FileName);
        // Kept for an admin, under a name of our making.
        Assert.True(await fixture.Blobs.Uploads.GetBlobClient(transcript.UploadBlob).ExistsAsync());
        Assert.StartsWith($"{study}/kampala/{id}", transcript.UploadBlob);
    }

    static byte[] Content(string kind) => kind switch
    {
        "empty" => [],
        "too-large" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Interviewer: a question about the ward.\n", PipelineFixture.MaxUploadBytes / 30))),
        "binary" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0],
        "invalid-utf8" => [.. Encoding.UTF8.GetBytes("Interviewer: hello\nP1: caf"), 0xC3, 0x28, 0xA0, 0xA1, .. Encoding.UTF8.GetBytes(" ok\n")],
        "zip-bomb" => ZipBomb(),
        _ => Encoding.UTF8.GetBytes("Interviewer: hello\nP1: hi\n"),
    };

    /// <summary>A .docx-shaped zip whose document part unpacks to far more than any transcript (about 300 MB of zeros).</summary>
    static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) document.Write(zeros);
        }
        return buffer.ToArray();
    }
}
