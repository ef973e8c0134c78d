using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ForeignProjects;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>
/// Each class of project file that other tools write and a reader could misplace, built from the schema
/// (Project-mrt2019.xsd) and the tools' documentation: placed on the right words, or reported — never silently lost.
/// </summary>
public sealed class ExchangeClassTests
{
    static readonly XNamespace Q = Qda;

    /// <summary>The project.qde of a built archive, and the archive rebuilt with its entries changed.</summary>
    static (XElement Root, List<(string Name, byte[] Content)> Entries) Open(byte[] qdpx)
    {
        using var zip = new ZipArchive(new MemoryStream(qdpx), ZipArchiveMode.Read);
        var entries = zip
            .Entries.Select(e =>
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                return (e.FullName, m.ToArray());
            })
            .ToList();
        return (
            XElement.Parse(Encoding.UTF8.GetString(entries.First(e => e.FullName == "project.qde").Item2)),
            entries
        );
    }

    static byte[] Zip(
        XElement root,
        IEnumerable<(string Name, byte[] Content)> entries,
        string qdeName = "project.qde"
    ) =>
        TestFiles.Zip([
            (qdeName, Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting))),
            .. entries.Where(e => e.Name != "project.qde"),
        ]);

    /// <summary>Valid against the schema, but for the alpha channel the base fixture's colour carries on purpose (as NVivo writes it).</summary>
    static void Validates(XElement root) =>
        Assert.All(ExchangeSamples.SchemaErrors(new XDocument(root)), e => Assert.Contains("'color'", e));

    /// <summary>The fixtures' project with every selection's positions counted as NVivo counts them: each line break two.</summary>
    static byte[] NvivoCrLf(bool names, bool crlfFile)
    {
        var (root, entries) = Open(
            Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt", origin: "NVivo 14")
        );
        foreach (var source in root.Descendants(Q + "TextSource"))
        {
            var text = Text(Array.IndexOf(Guids, (string)source.Attribute("guid")!));
            foreach (var selection in source.Elements(Q + "PlainTextSelection"))
            {
                int At(string a) => TextPositions.ToUtf16(text, (long)selection.Attribute(a)!);
                long CrLf(int at) => TextPositions.ToCodePoints(text, at) + text[..at].Count(c => c == '\n');
                var (start, end) = (At("startPosition"), At("endPosition"));
                if (names)
                    selection.SetAttributeValue("name", text[start..end]);
                selection.SetAttributeValue("startPosition", CrLf(start));
                selection.SetAttributeValue("endPosition", CrLf(end));
            }
        }
        Validates(root);
        return Zip(
            root,
            entries.Select(e =>
                crlfFile && e.Name.EndsWith(".txt")
                    ? (e.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e.Content).Replace("\n", "\r\n")))
                    : e
            )
        );
    }

    [Theory]
    [InlineData(true, false)] // NVivo's selections carry their text as their name: the count that selects it wins
    [InlineData(true, true)] // … with the text file itself in CR LF
    [InlineData(false, false)] // no names: the count that keeps every selection in range and on word boundaries wins
    public void Nvivo_positions_that_count_a_line_break_as_two_are_detected_and_every_coding_placed(
        bool names,
        bool crlfFile
    )
    {
        var qdpx = NvivoCrLf(names, crlfFile);
        var (project, report) = QdpxReader.Import(qdpx);
        AllPlaced(project);
        Assert.All(report.Sources, s => Assert.True(s is { LineBreaksCountedTwice: true, CodingsNotPlaced: 0 }));
        Assert.Equal(2, report.Problems.Count(p => p.Problem == QdpxProblem.LineBreaksCountedTwice));
        Assert.Contains("count each line break as two characters", report.Problems.First().Message);
        AllPlaced(QdpxReader.Read(qdpx)); // the strict read places them too
    }

    [Fact]
    public void Positions_counted_on_LF_text_stay_as_they_are()
    {
        var report = QdpxReader.Import(Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt")).Report;
        Assert.All(report.Sources, s => Assert.False(s.LineBreaksCountedTwice));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_pdf_is_coded_on_its_text_representation_and_its_region_codings_are_reported()
    {
        const string pdf = "E0000000-0000-4000-8000-0000000000A1",
            representation = "E0000000-0000-4000-8000-0000000000A2";
        var text = "Consent and information sheet.\nI understood that I can stop at any time.\n";
        var quote = "I can stop at any time";
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        var qdpx = Build(
            i => $"internal://{Guids[i]}.txt",
            i => $"sources/{Guids[i]}.txt",
            root =>
                root.Element(Q + "Sources")!
                    .Add(
                        // ATLAS.ti: the PDF, a region selection on its page, and its text representation with a text selection.
                        new XElement(
                            Q + "PDFSource",
                            new XAttribute("guid", pdf),
                            new XAttribute("name", "Consent form"),
                            new XAttribute("path", "internal://consent.pdf"),
                            new XElement(
                                Q + "PDFSelection",
                                new XAttribute("guid", "E1000000-0000-4000-8000-0000000000A1"),
                                new XAttribute("page", 1),
                                new XAttribute("firstX", 10),
                                new XAttribute("firstY", 10),
                                new XAttribute("secondX", 90),
                                new XAttribute("secondY", 30),
                                new XElement(
                                    Q + "Coding",
                                    new XAttribute("guid", "E2000000-0000-4000-8000-0000000000A1"),
                                    new XElement(Q + "CodeRef", new XAttribute("targetGUID", Parent))
                                )
                            ),
                            new XElement(
                                Q + "Representation",
                                new XAttribute("guid", representation),
                                new XAttribute("plainTextPath", $"internal://{representation}.txt"),
                                new XElement(
                                    Q + "PlainTextSelection",
                                    new XAttribute("guid", "E1000000-0000-4000-8000-0000000000A2"),
                                    new XAttribute("startPosition", at),
                                    new XAttribute("endPosition", at + quote.Length),
                                    new XElement(
                                        Q + "Coding",
                                        new XAttribute("guid", "E2000000-0000-4000-8000-0000000000A2"),
                                        new XAttribute("creatingUser", UserB),
                                        new XElement(Q + "CodeRef", new XAttribute("targetGUID", Other))
                                    )
                                )
                            )
                        )
                    )
        );
        var (root, entries) = Open(qdpx);
        Validates(root);
        var (project, report) = QdpxReader.Import(
            Zip(root, [.. entries, ($"sources/{representation}.txt", Encoding.UTF8.GetBytes(text))])
        );
        var source = project.Source(pdf)!;
        Assert.Equal(("Consent form", text), (source.Name, source.PlainText));
        var coding = Assert.Single(project.Codings, c => c.SourceGuid == pdf);
        Assert.Equal(
            (quote, "support", "BE"),
            (source.Passage(coding.Start, coding.End), coding.CodeId, coding.UserId)
        );
        Assert.Equal(
            ("PDF", true, 1, 1),
            report
                .Sources.Where(s => s.Guid == pdf)
                .Select(s => (s.Kind, s.Placed, s.CodingsPlaced, s.CodingsNotPlaced))
                .Single()
        );
        var region = Assert.Single(report.Problems);
        Assert.Equal((QdpxProblem.UnsupportedSelection, 1), (region.Problem, region.CodingsNotPlaced));
    }

    [Theory]
    [InlineData("AudioSource", "Audio")]
    [InlineData("VideoSource", "Video")]
    public void The_transcript_of_a_recording_is_placed_with_its_codings_between_sync_points(
        string element,
        string kind
    )
    {
        const string recording = "E0000000-0000-4000-8000-0000000000B1",
            transcript = "E0000000-0000-4000-8000-0000000000B2";
        var text = "Interviewer: What helped?\n50002: Talking to someone who had been there 🙂 too.\n";
        var quote = "Talking to someone who had been there 🙂 too.";
        var start = TextPositions.ToCodePoints(text, text.IndexOf(quote, StringComparison.Ordinal));
        XElement Sync(int n, int ms, long position) =>
            new(
                Q + "SyncPoint",
                new XAttribute("guid", $"E3000000-0000-4000-8000-00000000000{n}"),
                new XAttribute("timeStamp", ms),
                new XAttribute("position", position)
            );
        var qdpx = Build(
            i => $"internal://{Guids[i]}.txt",
            i => $"sources/{Guids[i]}.txt",
            root =>
                root.Element(Q + "Sources")!
                    .Add(
                        // QualCoder: the recording, its transcript's text in the file, sync points (milliseconds, position) and a selection between two.
                        new XElement(
                            Q + element,
                            new XAttribute("guid", recording),
                            new XAttribute("name", "Interview 50002 recording"),
                            new XAttribute("path", "internal://rec.m4a"),
                            new XElement(
                                Q + "Transcript",
                                new XAttribute("guid", transcript),
                                new XAttribute("name", "Interview 50002 transcript"),
                                new XAttribute("plainTextPath", $"internal://{transcript}.txt"),
                                Sync(1, 0, 0),
                                Sync(2, 4100, start),
                                Sync(3, 9800, start + quote.EnumerateRunes().Count()),
                                new XElement(
                                    Q + "TranscriptSelection",
                                    new XAttribute("guid", "E1000000-0000-4000-8000-0000000000B1"),
                                    new XAttribute("fromSyncPoint", "E3000000-0000-4000-8000-000000000002"),
                                    new XAttribute("toSyncPoint", "E3000000-0000-4000-8000-000000000003"),
                                    new XElement(
                                        Q + "Coding",
                                        new XAttribute("guid", "E2000000-0000-4000-8000-0000000000B1"),
                                        new XAttribute("creatingUser", UserA),
                                        new XElement(Q + "CodeRef", new XAttribute("targetGUID", Other))
                                    )
                                )
                            ),
                            new XElement(
                                Q + $"{kind}Selection",
                                new XAttribute("guid", "E1000000-0000-4000-8000-0000000000B2"),
                                new XAttribute("begin", 0),
                                new XAttribute("end", 4000),
                                new XElement(
                                    Q + "Coding",
                                    new XAttribute("guid", "E2000000-0000-4000-8000-0000000000B2"),
                                    new XElement(Q + "CodeRef", new XAttribute("targetGUID", Parent))
                                )
                            )
                        )
                    )
        );
        var (root, entries) = Open(qdpx);
        Validates(root);
        var (project, report) = QdpxReader.Import(
            Zip(root, [.. entries, ($"sources/{transcript}.txt", Encoding.UTF8.GetBytes(text))])
        );
        var source = project.Source(recording)!;
        Assert.Equal(("Interview 50002 recording", text), (source.Name, source.PlainText));
        var coding = Assert.Single(project.Codings, c => c.SourceGuid == recording);
        Assert.Equal(
            (quote, "support", "AN"),
            (source.Passage(coding.Start, coding.End), coding.CodeId, coding.UserId)
        );
        Assert.Equal(
            (kind, true, 1, 1),
            report
                .Sources.Where(s => s.Guid == recording)
                .Select(s => (s.Kind, s.Placed, s.CodingsPlaced, s.CodingsNotPlaced))
                .Single()
        );
        Assert.Equal([QdpxProblem.UnsupportedSelection], report.Problems.Select(p => p.Problem));
    }

    [Fact]
    public void A_guid_two_elements_share_is_reported_and_a_strict_read_refuses_it()
    {
        var (root, entries) = Open(Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt"));
        root.Descendants(Q + "Code").Last().SetAttributeValue("guid", Child);
        var qdpx = Zip(root, entries);
        var problems = QdpxReader.Import(qdpx).Report.Problems;
        // The codings of the code whose GUID the other took are reported too: their reference now goes to the first.
        Assert.Equal(
            [QdpxProblem.DuplicateGuid, QdpxProblem.BrokenReference, QdpxProblem.BrokenReference],
            problems.Select(p => p.Problem)
        );
        var problem = problems[0];
        Assert.Equal(
            "1 GUID(s) are each given to more than one element (Code); references to such a GUID go to the first of them, so check those items after the import.",
            problem.Message
        );
        Assert.Equal(
            QdpxProblem.DuplicateGuid,
            Assert.Throws<QdpxRejectedException>(() => QdpxReader.Read(qdpx)).Problem
        );
    }

    [Fact]
    public void Elements_of_a_newer_schema_are_reported_and_the_rest_is_read()
    {
        var (root, entries) = Open(Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt"));
        root.Element(Q + "Sources")!
            .AddAfterSelf(
                new XElement(
                    Q + "Relations",
                    new XElement(Q + "Relation", new XAttribute("guid", "E4000000-0000-4000-8000-000000000001"))
                )
            );
        root.Descendants(Q + "PlainTextSelection").First().Add(new XElement(Q + "Emphasis", "strong"));
        var qdpx = Zip(root, entries);
        var (project, report) = QdpxReader.Import(qdpx);
        AllPlaced(project);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(QdpxProblem.UnknownElement, problem.Problem);
        Assert.Equal(
            "The file holds 2 element(s) that REFI-QDA 1.0 does not define (Emphasis, Relations), perhaps from a newer version of the standard or another tool's own; they were not read.",
            problem.Message
        );
        AllPlaced(QdpxReader.Read(qdpx));
    }

    [Fact]
    public void A_single_qde_named_after_the_project_is_read_and_two_of_them_are_refused_plainly()
    {
        var (root, entries) = Open(Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt"));
        AllPlaced(QdpxReader.Read(Zip(root, entries, "Peer work study.qde")));
        var two = TestFiles.Zip([
            .. entries.Where(e => e.Name != "project.qde"),
            ("Peer work study.qde", Encoding.UTF8.GetBytes(root.ToString())),
            ("Copy of peer work study.qde", Encoding.UTF8.GetBytes(root.ToString())),
        ]);
        var e = Assert.Throws<QdpxRejectedException>(() => QdpxReader.Import(two));
        Assert.Equal(QdpxProblem.SeveralProjects, e.Problem);
        Assert.Equal(
            "The file holds 2 project (.qde) files and none is named project.qde, so it is unclear which one to import. Export the project again, or keep one .qde in it.",
            e.Message
        );
    }

    [Fact]
    public void An_entry_whose_bytes_do_not_match_its_crc_is_refused_as_damaged()
    {
        var qdpx = Build(i => $"internal://{Guids[i]}.txt", i => $"sources/{Guids[i]}.txt");
        // The CRC-32 of the first entry (project.qde) in its local header (offset 14) and the central directory (offset 16).
        var central = qdpx.AsSpan().IndexOf("PK\u0001\u0002"u8);
        qdpx[14] ^= 0xFF;
        qdpx[central + 16] ^= 0xFF;
        var e = Assert.Throws<QdpxRejectedException>(() => QdpxReader.Import(qdpx));
        Assert.Equal(QdpxProblem.DamagedEntry, e.Problem);
        Assert.Equal(
            "The project file is damaged: a file inside it does not match its checksum (CRC), so it was not read. Export the project again.",
            e.Message
        );
    }
}
