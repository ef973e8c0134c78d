using System.IO.Compression;
using System.Text;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>Archives built to hurt: each is refused with one exception type and a message that quotes nothing from the file.</summary>
public sealed class HostileArchiveTests
{
    const string Secret = "Jane Doe of Ward 7";

    static byte[] Zip(params (string Name, byte[] Content)[] entries) => TestFiles.Zip(entries);

    static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    static readonly byte[] ValidQde = Text(
        QdpxWriter.ProjectXml(Study() with { Sources = [], Codings = [], Notes = [] })
    );

    static QdpxRejectedException Rejected(byte[] qdpx, QdpxProblem problem, QdpxLimits? limits = null)
    {
        var e = Assert.Throws<QdpxRejectedException>(() => QdpxReader.Read(qdpx, limits: limits));
        Assert.Equal(problem, e.Problem);
        Assert.DoesNotContain(Secret, e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var qde = zip.CreateEntry("project.qde").Open())
                qde.Write(ValidQde);
            using var bomb = zip.CreateEntry("sources/bomb.txt", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
                bomb.Write(zeros); // 200 MB of zeros, streamed: a few hundred KB packed
        }
        Assert.True(buffer.Length < 1024 * 1024);
        Assert.Contains("it was not unpacked", Rejected(buffer.ToArray(), QdpxProblem.ZipBomb).Message);
    }

    [Fact]
    public void An_entry_larger_than_allowed_or_too_much_in_total_is_refused()
    {
        var noise = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        var qdpx = Zip(("project.qde", ValidQde), ("sources/big.txt", noise));
        var small = new QdpxLimits(
            64L * 1024 * 1024,
            new ZipLimits(MaxEntries: 100, MaxUnpackedBytes: 100L * 1024 * 1024, MaxEntryBytes: 1024 * 1024)
        );
        Rejected(qdpx, QdpxProblem.ZipBomb, small);
        Rejected(
            qdpx,
            QdpxProblem.ZipBomb,
            small with
            {
                Zip = small.Zip with { MaxEntryBytes = long.MaxValue, MaxUnpackedBytes = 2 * 1024 * 1024 },
            }
        );
        Rejected(qdpx, QdpxProblem.TooLarge, small with { MaxArchiveBytes = 1024 * 1024 });
    }

    [Fact]
    public void An_entry_that_understates_its_size_is_read_no_further_than_it_declares()
    {
        var qdpx = Zip(("project.qde", Text(new string(' ', 200_000) + Encoding.UTF8.GetString(ValidQde))));
        // Understate the unpacked size in the local header (offset 22) and the central directory (offset 24).
        var local = 0;
        var central = qdpx.AsSpan().IndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(qdpx.AsSpan(local + 22, 4), 100);
        BitConverter.TryWriteBytes(qdpx.AsSpan(central + 24, 4), 100);
        // .NET stops the entry at the declared 100 bytes (a cut-off document, accepted silently before): its CRC and its raw data tell.
        var e = Assert.Throws<QdpxRejectedException>(() => QdpxReader.Read(qdpx));
        Assert.Equal(QdpxProblem.ZipBomb, e.Problem);
        Assert.Contains("more than its size as the archive declares", e.Message);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("sources/../../evil.txt")]
    [InlineData("/etc/evil.txt")]
    [InlineData("C:/evil.txt")]
    [InlineData("sources\\..\\evil.txt")]
    [InlineData("sources/evil\u0007.txt")]
    public void An_entry_whose_path_escapes_the_archive_is_refused(string name)
    {
        var e = Rejected(Zip(("project.qde", ValidQde), (name, Text(Secret))), QdpxProblem.UnsafeEntryName);
        Assert.Contains("outside the project", e.Message);
    }

    [Fact]
    public void A_huge_number_of_entries_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i <= QdpxLimits.Default.Zip.MaxEntries; i++)
                zip.CreateEntry($"sources/{i}.txt", CompressionLevel.NoCompression);
        Assert.Contains("far more files", Rejected(buffer.ToArray(), QdpxProblem.ZipBomb).Message);
    }

    [Fact]
    public void Invalid_xml_a_dtd_a_missing_project_and_a_file_that_is_no_zip_are_refused_plainly()
    {
        Assert.Contains(
            "not well-formed XML",
            Rejected(Zip(("project.qde", Text($"<Project name=\"{Secret}\"><Users>"))), QdpxProblem.InvalidXml).Message
        );
        var dtd =
            $"<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY e \"{Secret}\">]><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&e;\"/>";
        Rejected(Zip(("project.qde", Text(dtd))), QdpxProblem.InvalidXml);
        var xxe =
            "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project name=\"&e;\"/>";
        Rejected(Zip(("project.qde", Text(xxe))), QdpxProblem.InvalidXml);
        Rejected(Zip(("codebook.qdc", Text(Secret))), QdpxProblem.MissingProject);
        Rejected(Text($"Interviewer: {Secret}"), QdpxProblem.NotAProjectFile);
        var deep =
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><CodeBook><Codes>"
            + string.Concat(
                Enumerable.Repeat(
                    "<Code guid=\"00000000-0000-4000-8000-000000000001\" name=\"x\" isCodable=\"true\">",
                    100_000
                )
            );
        Assert.Contains("deep", Rejected(Zip(("project.qde", Text(deep))), QdpxProblem.InvalidXml).Message);
        Rejected(Zip(("project.qde", Text($"<Codebook><x>{Secret}</x></Codebook>"))), QdpxProblem.NotAProjectFile);
    }

    [Fact]
    public void Broken_references_missing_texts_and_positions_past_the_end_are_refused()
    {
        var study = Study();
        var qdpx = QdpxWriter.Write(study);
        var qde = QdpxExportTests.Entry(qdpx, "project.qde");
        var sourceText = Text(study.Sources[0].PlainText);
        var otherText = Text(study.Sources[1].PlainText);
        byte[] With(string xml, bool texts = true) =>
            texts
                ? Zip(
                    ("project.qde", Text(xml)),
                    ($"sources/{SourceA}.txt", sourceText),
                    ($"sources/{SourceB}.txt", otherText)
                )
                : Zip(("project.qde", Text(xml)));

        Assert.Equal(study.Codings.Count, QdpxReader.Read(With(qde)).Codings.Count);
        Rejected(With(qde, texts: false), QdpxProblem.MissingSourceText);
        var farEnd = System.Text.RegularExpressions.Regex.Replace(qde, "endPosition=\"\\d+\"", "endPosition=\"99999\"");
        Rejected(With(farEnd), QdpxProblem.PositionOutOfRange);
        var firstCodeGuid = System
            .Text.RegularExpressions.Regex.Match(qde, "<CodeRef targetGUID=\"([^\"]+)\"")
            .Groups[1]
            .Value;
        Rejected(
            With(
                qde.Replace(
                    $"<CodeRef targetGUID=\"{firstCodeGuid}\"",
                    "<CodeRef targetGUID=\"00000000-0000-0000-0000-000000000000\""
                )
            ),
            QdpxProblem.BrokenReference
        );
        var latin1 = Zip(
            ("project.qde", Text(qde)),
            ($"sources/{SourceA}.txt", [0x63, 0x61, 0x66, 0xE9]),
            ($"sources/{SourceB}.txt", otherText)
        );
        Rejected(latin1, QdpxProblem.InvalidText);
    }

    [Fact]
    public void Word_files_keep_their_own_guard_behaviour()
    {
        var e = Assert.Throws<TranscriptRejectedException>(() =>
            ZipGuard.Check(Text("not a zip"), TranscriptLimits.Default)
        );
        Assert.Equal(RejectionReason.CorruptDocument, e.Reason);
        // Word parts are not checked for names: the guard there is about size alone, as before.
        ZipGuard.Check(Zip(("../odd.xml", Text("x"))), TranscriptLimits.Default);
    }
}
