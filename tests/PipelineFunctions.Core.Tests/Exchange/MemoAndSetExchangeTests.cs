using System.Text;
using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>
/// Memos anchored to a code alone, to a code and selected words, to selected words, to a source and to the project,
/// and saved searches (sets of passages) through a .qdpx and back without loss; the file still validates.
/// </summary>
public sealed class MemoAndSetExchangeTests
{
    static readonly XNamespace Qda = QdpxWriter.Namespace;
    const string SetGuid = "4b1a7d2e-9c3f-4e8a-b5d6-1f2e3a4b5c6d";

    static QdaProject Project()
    {
        var study = Study();
        var (a, b) = (study.Sources[0], study.Sources[1]);
        QdaSpan Span(QdaSource source, string words)
        {
            var at = source.PlainText.IndexOf(words, StringComparison.Ordinal);
            Assert.True(at >= 0, words);
            return new QdaSpan(source.Guid, at, at + words.Length);
        }
        var ignored = Span(b, "they ignored me");
        return study with
        {
            Notes =
            [
                .. study.Notes,
                new(
                    "Supportive figures: ask the lead whether family counts.",
                    "coder-anna",
                    CodeId: "supportive-figures"
                ),
                new(
                    "The clearest case of hostility.",
                    "coder-anna",
                    b.Guid,
                    ignored.Start,
                    ignored.End,
                    CodeId: "staff-hostility"
                ),
            ],
            Sets =
            [
                new(
                    SetGuid,
                    "Hostile staff",
                    [a.Guid, b.Guid],
                    Description: "Saved search: hostile; site kampala (2 passage(s) when saved)",
                    // In the file's order (sources, then positions): a set has no order of its own.
                    Passages:
                    [
                        Span(a, "My supervisor backed me"),
                        Span(b, "The nurses were hostile at the beginning, they ignored me."),
                    ]
                ),
                new("7d3c1a2b-5e6f-4a8b-9c0d-2e3f4a5b6c7d", "Kampala", [a.Guid]),
            ],
        };
    }

    [Fact]
    public void Memos_and_a_saved_search_come_back_as_they_went_and_the_file_is_the_same_byte_for_byte()
    {
        var project = Project();
        var qdpx = QdpxWriter.Write(project);

        var read = QdpxReader.Read(qdpx, studyCodebook: project.Codebook);

        Assert.Equal(
            Describe(project with { Codebook = project.Codebook with { Reference = null, Approach = null } }),
            Describe(read)
        );
        Assert.Equal(qdpx, QdpxWriter.Write(read));
        Assert.Empty(SchemaErrors(XDocument.Parse(QdpxExportTests.Entry(qdpx, "project.qde"))));
    }

    [Fact]
    public void A_saved_search_is_a_set_whose_own_note_its_passages_refer_to_and_is_no_coder_s_memo()
    {
        var project = Project();
        var doc = XDocument.Parse(QdpxWriter.ProjectXml(project));

        var set = doc.Descendants(Qda + "Set").Single(s => (string?)s.Attribute("name") == "Hostile staff");
        var noteGuid = (string?)set.Element(Qda + "MemberNote")!.Attribute("targetGUID");
        var note = doc.Descendants(Qda + "Note").Single(n => (string?)n.Attribute("guid") == noteGuid);
        Assert.Equal("Saved search: hostile; site kampala (2 passage(s) when saved)", note.Value);
        Assert.Null(note.Attribute("creatingUser"));
        var passages = doc.Descendants(Qda + "NoteRef")
            .Where(r => (string?)r.Attribute("targetGUID") == noteGuid)
            .Select(r => r.Parent!)
            .ToList();
        Assert.Equal(["PlainTextSelection", "PlainTextSelection"], passages.Select(p => p.Name.LocalName));
        // A set of sources alone has no note.
        Assert.Null(
            doc.Descendants(Qda + "Set")
                .Single(s => (string?)s.Attribute("name") == "Kampala")
                .Element(Qda + "MemberNote")
        );

        var read = QdpxReader.Read(QdpxWriter.Write(project), studyCodebook: project.Codebook);
        Assert.Equal(project.Notes.Count, read.Notes.Count);
        Assert.DoesNotContain(read.Notes, n => n.Text.StartsWith("Saved search", StringComparison.Ordinal));
    }

    [Fact]
    public void A_memo_about_a_code_alone_is_referred_to_from_the_code_only_and_read_back_about_it()
    {
        var doc = XDocument.Parse(QdpxWriter.ProjectXml(Project()));
        var memo = doc.Descendants(Qda + "Note")
            .Single(n => n.Value == "Supportive figures: ask the lead whether family counts.");
        var referrers = doc.Descendants(Qda + "NoteRef")
            .Where(r => (string?)r.Attribute("targetGUID") == (string?)memo.Attribute("guid"))
            .Select(r => (r.Parent!.Name.LocalName, (string?)r.Parent.Attribute("name")))
            .ToList();
        Assert.Equal([("Code", Project().Codebook.Find("supportive-figures")!.Name)], referrers);

        var read = QdpxReader.Read(QdpxWriter.Write(Project()), studyCodebook: Project().Codebook);
        var back = read.Notes.Single(n => n.Text.StartsWith("Supportive figures", StringComparison.Ordinal));
        Assert.Equal((null, null, "supportive-figures"), (back.SourceGuid, back.Start, back.CodeId));
    }

    [Fact]
    public void A_foreign_set_whose_member_note_marks_passages_gives_them_and_its_text_as_the_description()
    {
        var project = Project();
        var xml = XDocument.Parse(QdpxWriter.ProjectXml(project));
        // As another tool may write it: no description on the set, the note its only text.
        var set = xml.Descendants(Qda + "Set").Single(s => (string?)s.Attribute("name") == "Hostile staff");
        set.Element(Qda + "Description")!.Remove();
        var qdpx = TestFiles.Zip([
            ("project.qde", Encoding.UTF8.GetBytes(xml.ToString())),
            .. project.Sources.Select(s => ($"sources/{s.Guid}.txt", Encoding.UTF8.GetBytes(s.PlainText))),
        ]);

        var read = QdpxReader.Read(qdpx, studyCodebook: project.Codebook);

        var back = read.Sets!.Single(s => s.Name == "Hostile staff");
        Assert.Equal("Saved search: hostile; site kampala (2 passage(s) when saved)", back.Description);
        Assert.Equal(project.Sets![0].Passages!.OrderBy(p => p.Start), back.Passages!.OrderBy(p => p.Start));
    }

    [Fact]
    public void A_memo_linked_to_two_passages_as_ATLAS_ti_links_one_to_many_quotations_is_kept_on_each()
    {
        var project = Project();
        var xml = XDocument.Parse(QdpxWriter.ProjectXml(project));
        var memo = xml.Descendants(Qda + "Note").Single(n => n.Value == "The clearest case of hostility.");
        var other = xml.Descendants(Qda + "PlainTextSelection")
            .First(s => !s.Elements(Qda + "NoteRef").Any() && s.Elements(Qda + "Coding").Any());
        other.Add(new XElement(Qda + "NoteRef", new XAttribute("targetGUID", (string)memo.Attribute("guid")!)));
        var qdpx = TestFiles.Zip([
            ("project.qde", Encoding.UTF8.GetBytes(xml.ToString())),
            .. project.Sources.Select(s => ($"sources/{s.Guid}.txt", Encoding.UTF8.GetBytes(s.PlainText))),
        ]);

        var read = QdpxReader.Read(qdpx, studyCodebook: project.Codebook);

        var copies = read.Notes.Where(n => n.Text == "The clearest case of hostility.").ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, n => Assert.Equal("staff-hostility", n.CodeId));
        // One on the words it was on, the other on the coded passage whose selection was linked to it too.
        var passages = copies.Select(n => read.Source(n.SourceGuid!)!.Passage(n.Start!.Value, n.End!.Value)).ToList();
        Assert.Contains("they ignored me", passages);
        Assert.Single(
            passages,
            p =>
                p != "they ignored me" && read.Codings.Any(c => read.Source(c.SourceGuid)!.Passage(c.Start, c.End) == p)
        );
        Assert.Equal(project.Notes.Count + 1, read.Notes.Count);
    }
}
