using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ForeignProjects;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>Projects as other tools write them: every way of naming a source's text, rich-text-only sources, and what is not text.</summary>
public sealed class OtherToolImportTests
{
    public static TheoryData<string, string> Paths() =>
        new()
        {
            { "{name}.txt", "sources/{name}.txt" }, // the tool from the issue: no scheme at all
            { "internal://{guid}.txt", "sources/{guid}.txt" }, // the standard
            { "internal://{guid}.txt", "Sources/{guid}.txt" }, // NVivo's folder name
            { "relative://{name}.txt", "sources/{name}.txt" },
            { "relative://Interview%20texts/{name}.txt", "sources/Interview texts/{name}.txt" },
            { "sources/{name}.txt", "sources/{name}.txt" },
            { @"C:\Users\ana\Documents\QDA\{name}.txt", "sources/{name}.txt" }, // the exporting machine's Windows path
            { "/Users/ana/QDA projects/{name}.txt", "sources/{name}.txt" }, // … or its macOS path
            { "file:///C:/Users/ana/{name}.txt", "sources/{name}.txt" },
        };

    static string Fill(string pattern, int i) =>
        pattern.Replace("{name}", $"source-{i + 1}").Replace("{guid}", Guids[i]);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_way_of_naming_a_text_reaches_the_archive_s_sources_and_places_every_coding(
        string path,
        string entry
    )
    {
        var qdpx = Build(i => Fill(path, i), i => Fill(entry, i));
        var project = QdpxReader.Read(qdpx);
        Assert.Equal([Text(0), Text(1)], project.Sources.Select(s => s.PlainText));
        AllPlaced(project);
        var report = QdpxReader.Import(qdpx).Report;
        Assert.Empty(report.Problems);
        Assert.All(report.Sources, s => Assert.True(s.Placed));
    }

    [Fact]
    public void Qdpx_info_on_scheme_less_paths_reports_every_source_with_its_text_and_all_its_codings()
    {
        var info = QdpxInfo.Of(
            QdpxReader.Import(Build(i => $"source-{i + 1}.txt", i => $"sources/source-{i + 1}.txt"))
        );
        Assert.Equal(
            [(Names[0], Text(0).EnumerateRunes().Count(), 3), (Names[1], Text(1).EnumerateRunes().Count(), 2)],
            info.Sources.Select(s => (s.Name, s.Characters, s.CodingsPlaced))
        );
        Assert.All(info.Sources, s => Assert.Equal(0, s.CodingsNotPlaced));
        Assert.Equal(Codings.Length, info.Codings);
        Assert.Equal(new QdpxCodesInfo(3, 2), info.Codes);
        Assert.Equal([("AN", "Ana", 3), ("BE", "Ben", 2)], info.Users.Select(u => (u.Id, u.Name, u.Codings)));
        Assert.Empty(info.Problems);
    }

    [Fact]
    public void The_scheme_less_sample_file_imports_with_every_coding_on_its_words()
    {
        var qdpx = File.ReadAllBytes(Repo.Path("samples", "qdpx", "scheme-less-paths.qdpx"));
        var project = QdpxReader.Read(qdpx);
        Assert.Equal(["interview-kampala-50001", "fokusgruppe-haifa-2"], project.Sources.Select(s => s.Name));
        Assert.Equal(
            [
                "Nobody knew what I was for",
                "they called me a volunteer",
                "My supervisor backed me",
                "Die Gespräche in der Küche.",
                "Dass die Pflege mich ernst nahm.",
            ],
            project.Codings.Select(c => project.Source(c.SourceGuid)!.Passage(c.Start, c.End))
        );
        var info = QdpxInfo.Of(QdpxReader.Import(qdpx));
        Assert.Equal([(true, 3), (true, 2)], info.Sources.Select(s => (s.Placed && s.Characters > 0, s.CodingsPlaced)));
        Assert.Empty(info.Problems);
    }

    [Fact]
    public void A_source_with_only_a_Word_rendering_is_read_from_it()
    {
        var qdpx = Build(
            _ => null,
            _ => null,
            richPath: i => $"internal://{Guids[i]}.docx",
            richEntry: i => $"sources/{Guids[i]}.docx"
        );
        var project = QdpxReader.Read(qdpx);
        Assert.Equal([Text(0), Text(1)], project.Sources.Select(s => s.PlainText));
        AllPlaced(project);
    }

    [Fact]
    public void Pdf_picture_audio_and_video_sources_are_listed_not_coded_and_do_not_stop_the_text()
    {
        var qdpx = Build(
            i => $"internal://{Guids[i]}.txt",
            i => $"sources/{Guids[i]}.txt",
            root =>
            {
                root.Element(Qda + "Sources")!
                    .Add(
                        new XElement(
                            Qda + "PDFSource",
                            new XAttribute("guid", "E0000000-0000-4000-8000-000000000001"),
                            new XAttribute("name", "Consent form"),
                            new XAttribute("path", "internal://consent.pdf"),
                            new XElement(
                                Qda + "PDFSelection",
                                new XAttribute("guid", "E1000000-0000-4000-8000-000000000001"),
                                new XAttribute("page", 0),
                                new XAttribute("firstX", 1),
                                new XAttribute("firstY", 1),
                                new XAttribute("secondX", 9),
                                new XAttribute("secondY", 9),
                                new XElement(
                                    Qda + "Coding",
                                    new XAttribute("guid", "E2000000-0000-4000-8000-000000000001"),
                                    new XElement(Qda + "CodeRef", new XAttribute("targetGUID", Parent))
                                )
                            )
                        ),
                        new XElement(
                            Qda + "PictureSource",
                            new XAttribute("guid", "E0000000-0000-4000-8000-000000000002"),
                            new XAttribute("name", "Ward photo"),
                            new XAttribute("path", "internal://ward.jpg"),
                            new XElement(
                                Qda + "NoteRef",
                                new XAttribute("targetGUID", "E3000000-0000-4000-8000-000000000002")
                            )
                        ),
                        new XElement(
                            Qda + "AudioSource",
                            new XAttribute("guid", "E0000000-0000-4000-8000-000000000003"),
                            new XAttribute("name", "Recording"),
                            new XAttribute("path", "internal://rec.m4a"),
                            new XElement(
                                Qda + "AudioSelection",
                                new XAttribute("guid", "E1000000-0000-4000-8000-000000000003"),
                                new XAttribute("begin", 0),
                                new XAttribute("end", 1000),
                                new XElement(
                                    Qda + "Coding",
                                    new XAttribute("guid", "E2000000-0000-4000-8000-000000000003"),
                                    new XElement(Qda + "CodeRef", new XAttribute("targetGUID", Other))
                                )
                            )
                        ),
                        new XElement(
                            Qda + "VideoSource",
                            new XAttribute("guid", "E0000000-0000-4000-8000-000000000004"),
                            new XAttribute("name", "Clip"),
                            new XAttribute("path", "internal://clip.mp4")
                        )
                    );
                root.Add(
                    new XElement(
                        Qda + "Notes",
                        new XElement(
                            Qda + "Note",
                            new XAttribute("guid", "E3000000-0000-4000-8000-000000000002"),
                            new XAttribute("creatingUser", UserA),
                            new XElement(Qda + "PlainTextContent", "Photo taken with consent.")
                        )
                    )
                );
            }
        );
        AllPlaced(QdpxReader.Read(qdpx)); // strict reading leaves them out, as before, without refusing the file
        var (project, report) = QdpxReader.Import(qdpx);
        AllPlaced(project);
        Assert.Equal(
            [
                ("Text", true, 3, 0),
                ("Text", true, 2, 0),
                ("PDF", false, 0, 1),
                ("Picture", false, 0, 0),
                ("Audio", false, 0, 1),
                ("Video", false, 0, 0),
            ],
            report.Sources.Select(s => (s.Kind, s.Placed, s.CodingsPlaced, s.CodingsNotPlaced))
        );
        Assert.Equal(5, report.Problems.Count(p => p.Problem == QdpxProblem.UnsupportedSource));
        Assert.Contains(
            "1 memo(s) on source 4 were kept as memos on the project, since the source is not imported.",
            report.Problems.Select(p => p.Message)
        );
        Assert.Equal(
            ("Photo taken with consent.", (string?)null),
            (Assert.Single(project.Notes).Text, project.Notes[0].SourceGuid)
        );
        Assert.Equal(
            [
                "Source 3 has 1 PDFSelection selection(s), which are not of plain text.",
                "Source 5 has 1 AudioSelection selection(s), which are not of plain text.",
            ],
            report.Problems.Where(p => p.Problem == QdpxProblem.UnsupportedSelection).Select(p => p.Message)
        );
    }

    [Fact]
    public void Codings_whose_text_is_gone_or_whose_code_or_position_is_broken_are_reported_and_the_rest_placed()
    {
        var qdpx = Build(
            i => $"internal://{Guids[i]}.txt",
            i => i == 1 ? null : $"sources/{Guids[i]}.txt",
            root =>
            {
                var selections = root.Descendants(Qda + "PlainTextSelection").ToList();
                selections[0].SetAttributeValue("endPosition", 99_999);
                selections[1]
                    .Element(Qda + "Coding")!
                    .Element(Qda + "CodeRef")!
                    .SetAttributeValue("targetGUID", "00000000-0000-4000-8000-000000000000");
            }
        );
        var (project, report) = QdpxReader.Import(qdpx);
        Assert.Equal([Guids[0]], project.Sources.Select(s => s.Guid));
        Assert.Equal(
            ["My supervisor backed me 🙂"],
            project.Codings.Select(c => project.Sources[0].Passage(c.Start, c.End))
        );
        Assert.Equal(
            [(true, 1, 2, (string?)null), (false, 0, 2, "The text of source 2 is not in the project file.")],
            report.Sources.Select(s => (s.Placed, s.CodingsPlaced, s.CodingsNotPlaced, s.Reason))
        );
        Assert.Equal(
            [QdpxProblem.PositionOutOfRange, QdpxProblem.BrokenReference, QdpxProblem.MissingSourceText],
            report.Problems.Select(p => p.Problem)
        );
        Assert.Equal(4, report.Problems.Sum(p => p.CodingsNotPlaced));
        Assert.Throws<QdpxRejectedException>(() => QdpxReader.Read(qdpx)); // the strict read refuses it, as before
    }

    [Fact]
    public void Cases_variables_sets_and_notes_on_passages_are_read_as_NVivo_and_MAXQDA_write_them()
    {
        const string site = "F0000000-0000-4000-8000-000000000001",
            role = "F0000000-0000-4000-8000-000000000002",
            age = "F0000000-0000-4000-8000-000000000003";
        XElement Value(string variable, string type, object value) =>
            new(
                Qda + "VariableValue",
                new XElement(Qda + "VariableRef", new XAttribute("targetGUID", variable)),
                new XElement(Qda + type, value)
            );
        var qdpx = Build(
            i => $"internal://{Guids[i]}.txt",
            i => $"sources/{Guids[i]}.txt",
            root =>
            {
                root.Element(Qda + "CodeBook")!
                    .AddAfterSelf(
                        new XElement(
                            Qda + "Variables",
                            new XElement(
                                Qda + "Variable",
                                new XAttribute("guid", site),
                                new XAttribute("name", "Site"),
                                new XAttribute("typeOfVariable", "Text")
                            ),
                            new XElement(
                                Qda + "Variable",
                                new XAttribute("guid", role),
                                new XAttribute("name", "Role"),
                                new XAttribute("typeOfVariable", "Text")
                            ),
                            new XElement(
                                Qda + "Variable",
                                new XAttribute("guid", age),
                                new XAttribute("name", "Age"),
                                new XAttribute("typeOfVariable", "Integer")
                            )
                        ),
                        new XElement(
                            Qda + "Cases",
                            new XElement(
                                Qda + "Case",
                                new XAttribute("guid", "F1000000-0000-4000-8000-000000000001"),
                                new XAttribute("name", "50001"),
                                Value(site, "TextValue", "Kampala"),
                                Value(role, "TextValue", "peer worker"),
                                Value(age, "IntegerValue", 34),
                                new XElement(Qda + "SourceRef", new XAttribute("targetGUID", Guids[0])),
                                new XElement(Qda + "SelectionRef", new XAttribute("targetGUID", SelectionGuid(0)))
                            )
                        )
                    );
                // MAXQDA: document variables on the source; a note on a passage; document groups as sets.
                root.Descendants(Qda + "TextSource").First().Add(Value(site, "TextValue", "Kampala"));
                root.Descendants(Qda + "PlainTextSelection")
                    .First()
                    .Add(
                        new XElement(
                            Qda + "NoteRef",
                            new XAttribute("targetGUID", "F2000000-0000-4000-8000-000000000001")
                        )
                    );
                root.Add(
                    new XElement(
                        Qda + "Notes",
                        new XElement(
                            Qda + "Note",
                            new XAttribute("guid", "F2000000-0000-4000-8000-000000000001"),
                            new XAttribute("creatingUser", UserB),
                            new XElement(Qda + "PlainTextContent", "Check the word 'volunteer'.")
                        )
                    ),
                    new XElement(
                        Qda + "Sets",
                        new XElement(
                            Qda + "Set",
                            new XAttribute("guid", "F3000000-0000-4000-8000-000000000001"),
                            new XAttribute("name", "Kampala interviews"),
                            new XElement(Qda + "MemberCode", new XAttribute("targetGUID", Other)),
                            new XElement(Qda + "MemberSource", new XAttribute("targetGUID", Guids[0]))
                        )
                    )
                );
            }
        );
        var (project, report) = QdpxReader.Import(qdpx);
        Assert.Empty(report.Problems);
        Assert.Equal(
            [("Site", QdaVariableType.Text), ("Role", QdaVariableType.Text), ("Age", QdaVariableType.Integer)],
            project.Variables!.Select(v => (v.Name, v.Type))
        );
        var @case = Assert.Single(project.Cases!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Site"] = "Kampala",
                ["Role"] = "peer worker",
                ["Age"] = "34",
            },
            @case.Values
        );
        Assert.Equal([Guids[0]], @case.SourceGuids);
        Assert.Equal(
            "Nobody knew what I was for",
            project.Sources[0].Passage(@case.Passages[0].Start, @case.Passages[0].End)
        );
        Assert.Equal("Kampala", project.Sources[0].Values!["Site"]);
        var set = Assert.Single(project.Sets!);
        Assert.Equal("Kampala interviews", set.Name);
        Assert.Equal([Guids[0]], set.SourceGuids);
        Assert.Equal(["support"], set.CodeIds!);
        var note = Assert.Single(project.Notes);
        Assert.Equal(
            (Guids[0], "Nobody knew what I was for", "BE"),
            (note.SourceGuid, project.Sources[0].Passage(note.Start!.Value, note.End!.Value), note.UserId)
        );
        Assert.Equal(
            "peer worker",
            CodedPassageTable.Rows(project).First(r => r.Passage == "Nobody knew what I was for").Role
        );
    }
}
