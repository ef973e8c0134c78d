using System.IO.Compression;
using System.Net;
using System.Text;
using PipelineFunctions.App.Model;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// A corpus of hostile and broken uploads, sent through the API one after another: each is answered with a 4xx and a
/// message, recorded as Rejected with its reason (the original kept for an admin), and the worker goes on working.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HostileCorpusTests(PipelineFixture fixture)
{
    const string Turns = "Interviewer: How was the week?\nP1: Busy but good.\n";

    /// <summary>(case, file name, content, expected status). Every case is a different way for a file to be unusable.</summary>
    static IEnumerable<(string Case, string Name, byte[] Content, int Status)> Corpus()
    {
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        // A good transcript, different for each case that tests a name, so none is a duplicate of another.
        var n = 0;
        byte[] Named() => Utf8($"{Turns}P2: case {++n}.\n");
        // Contents
        yield return ("empty", "a.txt", [], 422);
        yield return ("whitespace only", "a.txt", Utf8("  \n\t\r\n  \n"), 422);
        yield return ("byte-order mark only", "a.txt", [0xEF, 0xBB, 0xBF], 422);
        yield return ("over the size limit", "a.txt", Utf8(Repeat(Turns, PipelineFixture.MaxUploadBytes + 10)), 413);
        yield return (
            "PNG renamed .txt",
            "a.txt",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0],
            422
        );
        yield return (
            "NUL bytes in text",
            "a.txt",
            [.. Utf8("Interviewer: hi\n"), 0, 0, 0, 0, .. Utf8("P1: hello\n")],
            422
        );
        yield return (
            "ELF executable renamed .srt",
            "a.srt",
            [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0],
            422
        );
        yield return (
            "invalid UTF-8",
            "a.txt",
            [.. Utf8("Interviewer: hello\nP1: caf"), 0xC3, 0x28, 0xA0, 0xA1, .. Utf8(" ok\n")],
            422
        );
        yield return ("truncated UTF-8 sequence at the end", "a.txt", [.. Utf8(Turns), 0xE2, 0x82], 422);
        yield return (
            "UTF-16 with a BOM and an odd byte count",
            "a.txt",
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Interviewer: hi\nP1: yes\n"), 0x41],
            422
        );
        yield return ("no speaker turns at all", "a.vtt", Utf8("WEBVTT\n\n"), 422);
        yield return (
            "subtitle cues with broken timestamps",
            "a.srt",
            Utf8("1\n00:00:xx,000 --> banana\nP1: hello\n\n"),
            422
        );
        // Word documents
        yield return ("zip bomb", "a.docx", ZipBomb(), 422);
        yield return (
            "too many zip entries",
            "a.docx",
            Zip(Enumerable.Range(0, 3_000).Select(i => ($"word/media/p{i}.xml", "<a/>"))),
            422
        );
        yield return ("plain text renamed .docx", "a.docx", Utf8(Turns), 422);
        yield return ("gzip renamed .docx", "a.docx", Gzip(Utf8(Turns)), 422);
        yield return (
            "truncated Word file",
            "a.docx",
            PipelineFixture.Sample("uploads/kampala-interview-50001.docx")[..2000],
            422
        );
        yield return (
            "zip without a document part",
            "a.docx",
            Zip([("[Content_Types].xml", ContentTypes), ("readme.txt", "hello")]),
            422
        );
        yield return ("document part that is not XML", "a.docx", Docx("this is not <xml"), 422);
        yield return (
            "XML external entity",
            "a.docx",
            Docx(
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
            ),
            422
        );
        yield return (
            "billion laughs",
            "a.docx",
            Docx(
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
            ),
            422
        );
        yield return (
            "Word file with an empty body",
            "a.docx",
            Docx(
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"
            ),
            422
        );
        // Names
        yield return ("unknown extension", "notes.xyz", Named(), 415);
        yield return ("executable", "setup.exe", Named(), 415);
        yield return ("no extension", "interview", Named(), 415);
        yield return ("double extension", "interview.txt.exe", Named(), 415);
        yield return ("path escaping upwards", "../../etc/passwd.txt", Named(), 400);
        yield return ("absolute path", "/etc/cron.d/job.txt", Named(), 400);
        yield return ("Windows path", "..\\..\\boot.txt", Named(), 400);
        yield return ("control character", "inter\u0001view.txt", Named(), 400);
        yield return ("right-to-left override", "interview\u202Etxt.exe.txt", Named(), 400);
        yield return ("reserved device name", "CON.txt", Named(), 400);
        yield return ("name longer than 255", new string('a', 300) + ".txt", Named(), 400);
        yield return ("name of dots", "...txt", Named(), 400);
    }

    [Fact]
    public async Task Every_hostile_upload_is_rejected_with_a_reason_and_the_worker_keeps_working()
    {
        var study = await fixture.CreateStudyAsync("hostile");
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 30);
        var wrong = new List<string>();
        foreach (var (name, fileName, content, expected) in corpus)
        {
            var (status, body) = await fixture.UploadAsync(
                study,
                "kampala",
                fileName,
                content,
                PipelineFixture.KampalaKey
            );
            var message = (string?)body?["detail"];
            var id = (string?)body?["transcriptId"];
            var transcript = id is null ? null : await fixture.Transcripts.GetAsync(study, id, default);
            if ((int)status != expected || string.IsNullOrWhiteSpace(message))
                wrong.Add($"{name}: {(int)status} {message}");
            else if (
                transcript is not { Status: TranscriptStatus.Rejected }
                || string.IsNullOrWhiteSpace(transcript.Reason)
            )
                wrong.Add($"{name}: not recorded as rejected");
            else if (!await fixture.Blobs.Uploads.GetBlobClient(transcript.UploadBlob).ExistsAsync())
                wrong.Add($"{name}: original not kept");
            else if (!transcript.UploadBlob.StartsWith($"{study}/kampala/{id}", StringComparison.Ordinal))
                wrong.Add($"{name}: stored under {transcript.UploadBlob}");
        }
        Assert.True(
            wrong.Count == 0,
            $"{wrong.Count} of {corpus.Count} hostile uploads were not handled:\n{string.Join('\n', wrong)}"
        );

        // Nothing above reached a stage queue, and the worker is still there: an ordinary upload goes all the way.
        Assert.False(fixture.App.HasExited);
        var (_, ok) = await fixture.UploadAsync(
            study,
            "kampala",
            "fine.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        await fixture.WaitForStatusAsync(study, (string)ok!["transcriptId"]!, "SuggestionsReady");
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_at_the_door_and_nothing_is_recorded()
    {
        var study = await fixture.CreateStudyAsync("hostile");
        var (status, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "huge.txt",
            Encoding.UTF8.GetBytes(Repeat(Turns, 2 * PipelineFixture.MaxUploadBytes + 10)),
            PipelineFixture.KampalaKey
        );
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("size limit", (string)body!["detail"]!);
        Assert.Empty(await fixture.Transcripts.ListAsync(study, default));
    }

    [Fact]
    public async Task Hostile_files_dropped_straight_into_storage_are_rejected_by_ingest_without_stopping_it()
    {
        var study = await fixture.CreateStudyAsync("hostile");
        var drops = new (string Blob, byte[] Content)[]
        {
            ($"{study}/kampala/bomb.docx", ZipBomb()),
            ($"{study}/kampala/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]),
            ($"{study}/kampala/empty.vtt", []),
            ($"{study}/nowhere/fine.txt", Encoding.UTF8.GetBytes(Turns)),
            (
                $"{study}/kampala/fine.txt",
                Encoding.UTF8.GetBytes("Interviewer: And the training?\nP4: It helped me a lot.\n")
            ),
        };
        foreach (var (blob, content) in drops)
            await fixture.Blobs.Uploads.GetBlobClient(blob).UploadAsync(BinaryData.FromBytes(content));

        // The upload scan finds them; ingest records the three broken ones as rejected, refuses the unknown site, takes the good one.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<TranscriptDocument> transcripts = [];
        while (DateTime.UtcNow < deadline)
        {
            transcripts = await fixture.Transcripts.ListAsync(study, default);
            if (
                transcripts.Count(t => t.Status == TranscriptStatus.Rejected) >= 4
                && transcripts.Any(t => t.Status == TranscriptStatus.SuggestionsReady)
            )
                break;
            await Task.Delay(500);
        }
        var rejected = transcripts.Where(t => t.Status == TranscriptStatus.Rejected).ToList();
        Assert.Equal(4, rejected.Count);
        Assert.All(rejected, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
        Assert.Contains(rejected, t => t.Reason!.Contains("site", StringComparison.OrdinalIgnoreCase));
        Assert.Single(transcripts, t => t.Status == TranscriptStatus.SuggestionsReady);
        Assert.False(fixture.App.HasExited);
    }

    static string Repeat(string text, int atLeastBytes) =>
        string.Concat(Enumerable.Repeat(text, atLeastBytes / text.Length + 1));

    const string ContentTypes =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    const string Rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    static byte[] Docx(string documentXml) =>
        Zip([("[Content_Types].xml", ContentTypes), ("_rels/.rels", Rels), ("word/document.xml", documentXml)]);

    static byte[] Zip(IEnumerable<(string Name, string Text)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
                    writer.Write(text);
        return buffer.ToArray();
    }

    static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }

    /// <summary>A .docx-shaped zip whose document part unpacks to far more than any transcript (about 300 MB of zeros).</summary>
    internal static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write(ContentTypes);
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
                document.Write(zeros);
        }
        return buffer.ToArray();
    }
}
