using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>
/// The real NVivo for Mac 15 export in <c>../shared/refi-qda</c>. What it holds (counted from its project.qde): two
/// users, 262 codes nested up to five deep (some names repeat under different parents), two Word sources whose
/// plain-text renderings are one line end each — the documents are empty — and no codings or notes at all.
/// </summary>
public sealed class NvivoSampleTests
{
    // Hard-coded as well as counted, so a regression in both the file reading and the counting cannot pass.
    static readonly int Codes = 262,
        Codings = 0,
        Sources = 2,
        Users = 2;
    static readonly byte[] Sample = File.ReadAllBytes(Shared("nvivo15-export-sample.qdpx"));
    static readonly XDocument Qde = XDocument.Parse(QdpxExportTests.Entry(Sample, "project.qde"));
    static readonly XNamespace Qda = QdpxWriter.Namespace;

    [Fact]
    public void The_sample_imports_with_every_code_coding_source_and_user()
    {
        var project = QdpxReader.Read(Sample);
        Assert.Equal(Codes, Qde.Descendants(Qda + "Code").Count());
        Assert.Equal(Codings, Qde.Descendants(Qda + "Coding").Count());
        Assert.Equal(Sources, Qde.Descendants(Qda + "TextSource").Count());
        Assert.Equal(Users, Qde.Descendants(Qda + "User").Count());

        Assert.Equal(Codes, project.Codebook.Codes.Count);
        Assert.Equal(Codings, project.Codings.Count);
        Assert.Equal(Sources, project.Sources.Count);
        Assert.Equal([("CP", "chrisp"), ("C", "cp")], project.Users.Select(u => (u.Id, u.Name)));
        Assert.Equal("qc project", project.Name);
    }

    [Fact]
    public void The_sample_codes_keep_their_tree_and_repeated_names_get_distinct_ids()
    {
        var project = QdpxReader.Read(Sample);
        var expected = Qde.Descendants(Qda + "Code")
            .Select(c => ((string)c.Attribute("name")!, (string?)c.Parent?.Attribute("name")));
        Assert.Equal(
            expected,
            project.Codebook.Codes.Select(c => (c.Name, project.Codebook.Find(c.Parent ?? "")?.Name))
        );
        Assert.Equal(project.Codebook.Codes.Count, project.Codebook.Codes.Select(c => c.Id).Distinct().Count());
        Assert.Contains(project.Codebook.Codes, c => c.Id == "rq1-definition" && c.Parent is null);
        Assert.Equal(
            ["programming", "programming-2"],
            project.Codebook.Codes.Where(c => c.Name == "programming").Select(c => c.Id)
        );
    }

    [Fact]
    public void The_codebook_alone_reads_even_without_the_source_texts()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            Put(archive, "project.qde", Encoding.UTF8.GetBytes(Qde.ToString()));
        zip.Position = 0;
        var book = QdpxReader.ReadCodebook(zip);
        Assert.Equal(Codes, book.Codes.Count);
        Assert.Equal("qc project", book.Name);
    }

    [Fact]
    public void The_sample_sources_read_from_their_Word_renderings_as_NVivo_renders_them()
    {
        var project = QdpxReader.Read(Sample);
        // NVivo wrote a one-byte "\n" .txt beside each (empty, one-paragraph) .docx: a line end per paragraph.
        Assert.All(project.Sources, s => Assert.Equal("\n", s.PlainText));
        Assert.Equal(
            ["d097e6fd-7671-4d95-a8b6-7795fa4a72e1", "e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4"],
            project.Sources.Select(s => s.Guid)
        );
    }

    [Fact]
    public void The_sample_project_itself_validates_and_re_exports_valid()
    {
        Assert.Empty(SchemaErrors(new XDocument(Qde)));
        Assert.Empty(
            SchemaErrors(
                XDocument.Parse(QdpxExportTests.Entry(QdpxWriter.Write(QdpxReader.Read(Sample)), "project.qde"))
            )
        );
    }

    /// <summary>
    /// The sample has no codings, so an NVivo-shaped project is built from it: the same project.qde with a coding
    /// added, a Word document with text, and NVivo's one-byte plain text. The offsets count the Word text with a line
    /// end after each paragraph, as NVivo's renderings do; the coding must select the quote.
    /// </summary>
    [Fact]
    public void Codings_on_a_Word_source_with_an_empty_plain_text_land_on_their_words()
    {
        string[] paragraphs =
        [
            "Interviewer: What helped you most?",
            "50001: Honestly, my supervisor — she believed in me from day one.",
            "",
            "Interviewer: Thanks.",
        ];
        const string quote = "my supervisor — she believed in me";
        var rendering = string.Concat(paragraphs.Select(p => p + "\n"));
        var start = rendering.IndexOf(quote, StringComparison.Ordinal);

        var qde = new XDocument(Qde);
        var source = qde.Descendants(Qda + "TextSource").First();
        var code = qde.Descendants(Qda + "Code").First(c => (string?)c.Attribute("name") == "well_educated_adult");
        source.Add(
            new XElement(
                Qda + "PlainTextSelection",
                new XAttribute("guid", "11111111-2222-3333-4444-555555555555"),
                new XAttribute("startPosition", start),
                new XAttribute("endPosition", start + quote.Length),
                new XElement(
                    Qda + "Coding",
                    new XAttribute("guid", "11111111-2222-3333-4444-666666666666"),
                    new XAttribute("creatingUser", "39633935-3331-3962-6632-373436373264"),
                    new XElement(Qda + "CodeRef", new XAttribute("targetGUID", (string)code.Attribute("guid")!))
                )
            )
        );
        var guid = (string)source.Attribute("guid")!;

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Put(zip, "project.qde", Encoding.UTF8.GetBytes(qde.ToString(SaveOptions.DisableFormatting)));
            Put(zip, $"Sources/{guid}.txt", "\n"u8.ToArray());
            Put(zip, $"Sources/{guid}.docx", TestFiles.Word(paragraphs));
            var other = (string)qde.Descendants(Qda + "TextSource").Last().Attribute("guid")!;
            Put(zip, $"Sources/{other}.txt", "\n"u8.ToArray());
        }
        var project = QdpxReader.Read(buffer.ToArray());
        var coding = Assert.Single(project.Codings);
        Assert.Equal(quote, project.Sources[0].Passage(coding.Start, coding.End));
        Assert.Equal("C", coding.UserId);
        Assert.Equal("well_educated_adult", project.Codebook.Find(coding.CodeId)!.Name);
    }

    static void Put(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
