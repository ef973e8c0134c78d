using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class QdpxExportTests
{
    static readonly XNamespace Qda = QdpxWriter.Namespace;

    [Fact]
    public void The_exported_project_validates_against_the_REFI_QDA_schema()
    {
        Assert.Empty(SchemaErrors(XDocument.Parse(Entry(QdpxWriter.Write(Study()), "project.qde"))));
    }

    [Fact]
    public void The_archive_holds_the_project_and_each_source_as_plain_text()
    {
        var study = Study();
        var qdpx = QdpxWriter.Write(study);
        using var zip = new ZipArchive(new MemoryStream(qdpx));
        Assert.Equal(
            ["project.qde", $"sources/{SourceA}.txt", $"sources/{SourceB}.txt"],
            zip.Entries.Select(e => e.FullName)
        );
        var text = Entry(qdpx, $"sources/{SourceA}.txt");
        Assert.Equal(study.Sources[0].PlainText, text);
        Assert.DoesNotContain('\r', text);

        var doc = XDocument.Parse(Entry(qdpx, "project.qde"));
        var source = doc.Descendants(Qda + "TextSource").First();
        Assert.Equal($"internal://{SourceA}.txt", (string?)source.Attribute("plainTextPath"));
        var barriers = doc.Descendants(Qda + "Code").Single(c => (string?)c.Attribute("name") == "Barriers");
        Assert.Equal("#C0392B", (string?)barriers.Attribute("color"));
        Assert.Equal(3, barriers.Elements(Qda + "Code").Count());
        Assert.Equal(CodebookQdc.Guid(study.Codebook.Name, "barriers"), (string?)barriers.Attribute("guid")); // the same GUID as the .qdc export
        Assert.Contains(
            "Include: Nobody knows what peers do",
            doc.Descendants(Qda + "Description").Select(d => d.Value).Single(d => d.Contains("Include"))
        );
        Assert.Equal(5, doc.Descendants(Qda + "Note").Count());
        // A memo about a code is referred to from the code (before its children, as the schema orders them) and its source.
        var memo = doc.Descendants(Qda + "Note")
            .Single(n => n.Value == "Hostility fades once staff see what peers do.");
        var refs = doc.Descendants(Qda + "NoteRef")
            .Where(r => (string?)r.Attribute("targetGUID") == (string?)memo.Attribute("guid"))
            .ToList();
        Assert.Equal(["Code", "TextSource"], refs.Select(r => r.Parent!.Name.LocalName).Order());
        Assert.Equal(
            study.Codebook.Find("staff-hostility")!.Name,
            (string?)refs.Single(r => r.Parent!.Name.LocalName == "Code").Parent!.Attribute("name")
        );
    }

    [Fact]
    public void Positions_in_the_file_count_code_points_so_an_emoji_is_one_character()
    {
        var study = Study();
        var text = study.Sources[0].PlainText;
        var coding = study.Codings[0]; // spans the emoji
        var selection = XDocument
            .Parse(QdpxWriter.ProjectXml(study))
            .Descendants(Qda + "PlainTextSelection")
            .Where(s => (int)s.Attribute("startPosition")! == coding.Start)
            .MaxBy(s => (int)s.Attribute("endPosition")!)!;
        Assert.Equal(coding.End - 1, (int)selection.Attribute("endPosition")!);
        Assert.Equal(
            text[coding.Start..coding.End].EnumerateRunes().Count(),
            (int)selection.Attribute("endPosition")! - (int)selection.Attribute("startPosition")!
        );
    }

    [Fact]
    public void Export_is_deterministic_and_export_import_export_round_trips_everything()
    {
        var study = Study();
        var first = QdpxWriter.Write(study);
        Assert.Equal(first, QdpxWriter.Write(study));

        var imported = QdpxReader.Read(first, studyCodebook: study.Codebook);
        // REFI-QDA has no place for a codebook's reference and approach: they stay with the study.
        Assert.Equal(
            Describe(study with { Codebook = study.Codebook with { Reference = null, Approach = null } }),
            Describe(imported)
        );
        Assert.Equal(study.Sources.Select(s => s.PlainText), imported.Sources.Select(s => s.PlainText));
        Assert.Equal(first, QdpxWriter.Write(imported)); // byte for byte
    }

    [Fact]
    public void Without_the_study_codebook_codes_come_back_by_name_with_their_tree_and_codings()
    {
        var study = Study();
        var imported = QdpxReader.Read(QdpxWriter.Write(study));
        string Path(Codebook book, Code code) =>
            code.Parent is null ? code.Name : $"{Path(book, book.Find(code.Parent)!)} / {code.Name}";
        Assert.Equal(
            study.Codebook.Codes.Select(c => (Path(study.Codebook, c), c.Definition, c.Examples?.Count)),
            imported.Codebook.Codes.Select(c => (Path(imported.Codebook, c), c.Definition, c.Examples?.Count))
        );
        Assert.Equal(
            study.Codings.Select(c => (c.Start, c.End, study.Codebook.Find(c.CodeId)!.Name)).Order(),
            imported.Codings.Select(c => (c.Start, c.End, imported.Codebook.Find(c.CodeId)!.Name)).Order()
        );
        // Ids from names are stable: a second trip gives the same file.
        var again = QdpxWriter.Write(imported);
        Assert.Equal(again, QdpxWriter.Write(QdpxReader.Read(again)));
    }

    [Fact]
    public void A_coding_that_points_outside_its_text_is_not_exported()
    {
        var study = Study();
        var bad = study with
        {
            Codings = [.. study.Codings, new QdaCoding(SourceA, 0, 10_000, "barriers", "coder-anna")],
        };
        Assert.Throws<ArgumentException>(() => QdpxWriter.Write(bad));
        var unknownCode = study with { Codings = [new QdaCoding(SourceA, 0, 1, "nope", "coder-anna")] };
        Assert.Contains("nope", Assert.Throws<ArgumentException>(() => QdpxWriter.Write(unknownCode)).Message);
    }

    internal static string Entry(byte[] qdpx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(qdpx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
