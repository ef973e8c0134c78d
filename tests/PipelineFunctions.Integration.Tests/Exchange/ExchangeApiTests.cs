using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocumentFormat.OpenXml.Packaging;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Tests.Exchange;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Exchange;

/// <summary>
/// REFI-QDA through the API: a coded study exports as a .qdpx that validates against the schema; imported into
/// another study its sources pass through the pipeline and its codings come back, so a second export equals the
/// first; coded passages export as CSV and Excel; blind coding holds in exports; a hostile project is refused.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ExchangeApiTests(PipelineFixture fixture)
{
    static readonly XNamespace Qda = "urn:QDA-XML:project:1.0";

    [Fact]
    public async Task A_coded_study_exports_imports_and_exports_again_unchanged()
    {
        var (study, transcript) = await CodedStudyAsync();
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using (
            var saved = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/search/sets",
                new
                {
                    name = "Everyone on the team",
                    query = "the",
                    site = "kampala",
                }
            )
        )
            saved.EnsureSuccessStatusCode();
        var first = await lead.GetByteArrayAsync($"/api/studies/{study}/export/qdpx");
        var qde = Entry(first, "project.qde");
        Validate(qde);
        var project = QdpxReader.Read(first);
        Assert.Single(project.Sources);
        Assert.Equal(["coder", "coder-2"], project.Users.Select(u => u.Name).Order());
        Assert.Equal(5, project.Codings.Count);
        Assert.Contains(project.Codings, c => project.Sources[0].Passage(c.Start, c.End).Length < 40);
        Assert.Equal(2, project.Notes.Count);
        // A memo about a code is a note the code refers to; a saved search is a set of the transcripts it found passages in.
        var codeMemo = Assert.Single(project.Notes, n => n.CodeId is not null);
        Assert.Equal(
            ("Hostility from non-PSS staff", "Hostility here is about rules as much as people."),
            (project.Codebook.Find(codeMemo.CodeId!)!.Name, codeMemo.Text)
        );
        var code = XDocument.Parse(qde).Descendants(Qda + "Code").Single(c => c.Elements(Qda + "NoteRef").Any());
        Assert.Equal("Hostility from non-PSS staff", (string?)code.Attribute("name"));
        var searchSet = Assert.Single(project.Sets!, s => s.Name == "Everyone on the team");
        Assert.Equal([project.Sources[0].Guid], searchSet.SourceGuids);
        Assert.StartsWith("Saved search: the; site kampala (", searchSet.Description);

        var other = await fixture.CreateStudyAsync("import");
        using var imported = await lead.PostAsync(
            $"/api/studies/{other}/import/qdpx?site=kampala&language=en",
            new ByteArrayContent(first)
        );
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = (await imported.Content.ReadFromJsonAsync<JsonNode>())!;
        var source = report["sources"]!.AsArray().Single()!;
        Assert.Equal("Accepted", (string?)source["outcome"]);
        Assert.Equal(5, (int)source["codings"]!);
        Assert.Equal(0, (int)source["unplaced"]!);
        await fixture.WaitForStatusAsync(other, (string)source["transcriptId"]!, "SuggestionsReady");

        var second = QdpxReader.Read(await lead.GetByteArrayAsync($"/api/studies/{other}/export/qdpx"));
        Assert.Equal(project.Codebook.Codes, second.Codebook.Codes);
        Assert.Equal(project.Sources[0].PlainText, second.Sources[0].PlainText);
        Assert.Equal(Codings(project), Codings(second));
        Assert.Equal(project.Notes.Select(n => (n.Text, n.CodeId)), second.Notes.Select(n => (n.Text, n.CodeId)));
        Assert.NotEqual(transcript, (string)source["transcriptId"]!);
    }

    [Fact]
    public async Task Coded_passages_export_as_csv_and_excel_and_a_coder_sees_only_their_own_work()
    {
        var (study, _) = await CodedStudyAsync();
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var csv = Encoding.UTF8.GetString(
            await coder.GetByteArrayAsync($"/api/studies/{study}/export/passages?format=csv")
        );
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Code id,Code,Passage,Speaker,Site,Transcript,Coder,Case,Role,Country,Language,Interview type",
            lines[0]
        );
        Assert.Equal(3, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",coder,", l));
        Assert.All(lines.Skip(1), l => Assert.Contains(",kampala,", l));
        // The columns of cases fill from the transcript: its site's country, its language, the interview type read from who speaks.
        Assert.All(
            Csv(csv),
            r =>
                Assert.Equal(
                    ("coder", "kampala", "UG", "en", "interview"),
                    (r["Coder"], r["Site"], r["Country"], r["Language"], r["Interview type"])
                )
        );

        var xlsx = await coder.GetByteArrayAsync($"/api/studies/{study}/export/passages?format=xlsx");
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = sheet
            .WorkbookPart!.WorksheetParts.Single()
            .Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Passage", rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(2).InnerText);

        // The coder's own .qdpx holds no other coder's codings, even though both submitted.
        var mine = QdpxReader.Read(await coder.GetByteArrayAsync($"/api/studies/{study}/export/qdpx"));
        Assert.Equal(["coder"], mine.Users.Select(u => u.Name));
    }

    [Fact]
    public async Task Cases_variables_and_sets_survive_export_import_and_export_again()
    {
        var (study, transcript) = await CodedStudyAsync();
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var speakers = (
            await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{transcript}/speakers")
        )!;
        var participants = speakers["speakers"]!
            .AsArray()
            .Where(s => (bool)s!["participant"]!)
            .Select(s => (string)s!["speaker"]!)
            .ToList();
        Assert.NotEmpty(participants);
        using (
            var set = await lead.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{transcript}/speakers",
                new
                {
                    roles = participants.ToDictionary(p => p, _ => "peer worker"),
                    interviewType = "follow-up interview",
                }
            )
        )
            set.EnsureSuccessStatusCode();

        var first = await lead.GetByteArrayAsync($"/api/studies/{study}/export/qdpx");
        Validate(Entry(first, "project.qde"));
        var project = QdpxReader.Read(first);
        Assert.Equal(participants.Count, project.Cases!.Count);
        Assert.All(
            project.Cases,
            c =>
                Assert.Equal(
                    "Country=UG; Interview type=follow-up interview; Language=en; Role=peer worker; Site=kampala",
                    Values(c.Values)
                )
        );
        Assert.All(project.Cases, c => Assert.NotEmpty(c.Passages));
        Assert.Equal(StudyVariables.All.Select(v => v.Name), project.Variables!.Select(v => v.Name));
        Assert.Equal(["Site: kampala|kampala-interview-50001"], Sets(project));

        var other = await fixture.CreateStudyAsync("import");
        using var imported = await lead.PostAsync(
            $"/api/studies/{other}/import/qdpx?site=kampala&language=en",
            new ByteArrayContent(first)
        );
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var source = (await imported.Content.ReadFromJsonAsync<JsonNode>())!["sources"]!.AsArray().Single()!;
        Assert.Equal(participants.Count, (int)source["roles"]!);
        var id = (string)source["transcriptId"]!;
        await fixture.WaitForStatusAsync(other, id, "SuggestionsReady");

        var secondBytes = await lead.GetByteArrayAsync($"/api/studies/{other}/export/qdpx");
        Validate(Entry(secondBytes, "project.qde"));
        var second = QdpxReader.Read(secondBytes);
        Assert.Equal(Cases(project), Cases(second));
        Assert.Equal(project.Variables, second.Variables);
        Assert.Equal(Sets(project), Sets(second));
        Assert.Equal(project.Sources.Select(s => Values(s.Values)), second.Sources.Select(s => Values(s.Values)));

        // The imported roles are the speakers' roles on the lead's page, and fill the coded-passage table.
        var back = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{other}/transcripts/{id}/speakers"))!;
        Assert.Equal(("follow-up interview", true), ((string)back["interviewType"]!, (bool)back["interviewTypeSet"]!));
        Assert.All(
            back["speakers"]!.AsArray().Where(s => (bool)s!["participant"]!),
            s => Assert.Equal("peer worker", (string?)s!["role"])
        );
        var rows = Csv(
            Encoding.UTF8.GetString(await lead.GetByteArrayAsync($"/api/studies/{other}/export/passages?format=csv"))
        );
        Assert.NotEmpty(rows);
        Assert.All(rows.Where(r => r["Case"].Length > 0), r => Assert.Equal("peer worker", r["Role"]));
        Assert.All(rows, r => Assert.Equal("follow-up interview", r["Interview type"]));
    }

    [Fact]
    public async Task The_scheme_less_sample_imports_with_every_coding_placed_and_every_source_reported()
    {
        var study = await fixture.CreateStudyAsync("import");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var response = await lead.PostAsync(
            $"/api/studies/{study}/import/qdpx?site=kampala&language=en",
            new ByteArrayContent(PipelineFixture.Sample("qdpx/scheme-less-paths.qdpx"))
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var sources = report["sources"]!.AsArray();
        Assert.Equal(["interview-kampala-50001", "fokusgruppe-haifa-2"], sources.Select(s => (string)s!["name"]!));
        Assert.All(
            sources,
            s =>
                Assert.Equal(("Accepted", "Text", 0), ((string)s!["outcome"]!, (string)s["kind"]!, (int)s["unplaced"]!))
        );
        Assert.Equal(5, sources.Sum(s => (int)s!["codings"]!));
        Assert.Empty(report["problems"]!.AsArray());
        foreach (var s in sources)
            await fixture.WaitForStatusAsync(study, (string)s!["transcriptId"]!, "SuggestionsReady");
        Assert.Equal(
            5,
            QdpxReader.Read(await lead.GetByteArrayAsync($"/api/studies/{study}/export/qdpx")).Codings.Count
        );
    }

    [Fact]
    public async Task An_import_places_what_it_can_and_reports_what_it_could_not_and_why()
    {
        // Two interview texts, the second's text missing from the archive; a PDF with a coded region.
        var qdpx = ForeignProjects.Build(
            i => $"internal://{ForeignProjects.Guids[i]}.txt",
            i => i == 0 ? $"sources/{ForeignProjects.Guids[i]}.txt" : null,
            root =>
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
                                    new XElement(Qda + "CodeRef", new XAttribute("targetGUID", ForeignProjects.Parent))
                                )
                            )
                        )
                    )
        );
        var study = await fixture.CreateStudyAsync("import");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var response = await lead.PostAsync(
            $"/api/studies/{study}/import/qdpx?site=kampala&language=en",
            new ByteArrayContent(qdpx)
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var sources = report["sources"]!
            .AsArray()
            .Select(s =>
                (
                    Number: (int)s!["number"]!,
                    Kind: (string)s["kind"]!,
                    Outcome: (string)s["outcome"]!,
                    Codings: (int)s["codings"]!,
                    Unplaced: (int)s["unplaced"]!,
                    Message: (string)s["message"]!,
                    Id: (string?)s["transcriptId"]
                )
            )
            .ToList();
        Assert.Equal(
            [(1, "Text", "Accepted", 3, 0), (2, "Text", "NotPlaced", 0, 2), (3, "PDF", "NotPlaced", 0, 1)],
            sources.Select(s => (s.Number, s.Kind, s.Outcome, s.Codings, s.Unplaced))
        );
        Assert.Contains("not in the project file", sources[1].Message);
        Assert.Contains("no text in the file", sources[2].Message);
        Assert.Null(sources[1].Id);
        Assert.NotEmpty(report["problems"]!.AsArray());
        Assert.Single(await fixture.Transcripts.ListAsync(study, default));
    }

    [Fact]
    public async Task A_hostile_project_is_refused_with_a_clear_message_and_nothing_is_imported()
    {
        var study = await fixture.CreateStudyAsync("import");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("project.qde").Open()))
                w.Write("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>");
            using (var w = new StreamWriter(zip.CreateEntry("../../escape.txt").Open()))
                w.Write("x");
        }
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var response = await lead.PostAsync(
            $"/api/studies/{study}/import/qdpx?site=kampala",
            new ByteArrayContent(buffer.ToArray())
        );
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal("UnsafeEntryName", (string?)body["problem"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        Assert.Empty(await fixture.Transcripts.ListAsync(study, default));
    }

    [Fact]
    public async Task The_NVivo_sample_codebook_reads_in_as_a_new_codebook_version()
    {
        var study = await fixture.CreateStudyAsync("import");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var sample = await File.ReadAllBytesAsync(
            Path.Combine(RepoPaths.Root, "..", "shared", "refi-qda", "nvivo15-export-sample.qdpx")
        );
        using var put = await lead.PutAsync($"/api/studies/{study}/codebook?format=qdpx", new ByteArrayContent(sample));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var codebook = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!;
        Assert.Equal(262, codebook["codes"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_workspace_buttons_download_the_exports_and_import_a_project()
    {
        var (study, _) = await CodedStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/index.html?study={study}").ToString());
        await page.GetByLabel("API key").FillAsync(PipelineFixture.LeadKey);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Coded passages (CSV)" }).ClickAsync()
        );
        Assert.Equal($"{study}-coded-passages.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("defined-role", csv);
        var project = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Export project (.qdpx)" }).ClickAsync()
        );
        var qdpx = (await project.PathAsync())!;
        Assert.Equal(5, QdpxReader.Read(await File.ReadAllBytesAsync(qdpx)).Codings.Count);

        var other = await fixture.CreateStudyAsync("import");
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/index.html?study={other}").ToString());
        await page.GetByLabel("REFI-QDA project (.qdpx)").SetInputFilesAsync(qdpx);
        // Our own export says each source's site and language: nothing to choose.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#import-summary")).ToHaveTextAsync("1 to import.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Import", Exact = true })
            .ClickAsync();
        await Microsoft
            .Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Status))
            .ToContainTextAsync("1 source(s) imported.");
        await Microsoft
            .Playwright.Assertions.Expect(page.Locator("#import-report tbody tr"))
            .ToContainTextAsync(["Imported"]);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#import-report tbody td").Last).ToHaveTextAsync("5");
    }

    /// <summary>A study with one transcript coded by two coders (whole turns, a sub-span, a memo), both submitted.</summary>
    async Task<(string Study, string Transcript)> CodedStudyAsync()
    {
        var study = await fixture.CreateStudyAsync("exchange");
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "kampala-interview-50001.docx",
            PipelineFixture.Sample("uploads/kampala-interview-50001.docx"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var review = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var segments = review["segments"]!
            .AsArray()
            .Select(s => (Number: (int)s!["segment"]!, Text: (string)s["text"]!))
            .Where(s => s.Text.Length > 40)
            .ToList();
        await SaveAndSubmitAsync(
            coder,
            study,
            id,
            new
            {
                codings = new object[]
                {
                    new
                    {
                        segment = segments[0].Number,
                        codeId = "defined-role",
                        origin = "added",
                    },
                    new
                    {
                        segment = segments[1].Number,
                        codeId = "staff-hostility",
                        origin = "added",
                    },
                    new
                    {
                        segment = segments[1].Number,
                        codeId = "coping-strategies",
                        origin = "added",
                        start = 0,
                        end = 30,
                    },
                },
                memos = new object[]
                {
                    new { segment = segments[0].Number, text = "Role comes up first, before any question about it." },
                    new { text = "Hostility here is about rules as much as people.", code = "staff-hostility" },
                },
            }
        );
        using var coder2 = fixture.Client(PipelineFixture.Coder2Key);
        await SaveAndSubmitAsync(
            coder2,
            study,
            id,
            new
            {
                codings = new object[]
                {
                    new
                    {
                        segment = segments[0].Number,
                        codeId = "defined-role",
                        origin = "added",
                    },
                    new
                    {
                        segment = segments[2].Number,
                        codeId = "personal-growth",
                        origin = "added",
                    },
                },
            }
        );
        return (study, id);
    }

    static async Task SaveAndSubmitAsync(HttpClient http, string study, string transcript, object work)
    {
        using var saved = await http.PutAsJsonAsync($"/api/studies/{study}/transcripts/{transcript}/review/mine", work);
        saved.EnsureSuccessStatusCode();
        using var submitted = await http.PostAsync(
            $"/api/studies/{study}/transcripts/{transcript}/review/mine/submit",
            null
        );
        submitted.EnsureSuccessStatusCode();
    }

    /// <summary>Cases as comparable text: name, values and the passages' words (GUIDs differ between studies).</summary>
    static List<string> Cases(QdaProject p) =>
        p.Cases!.Select(c =>
                $"{c.Name}|{Values(c.Values)}|{c.SourceGuids.Count}|"
                + string.Join("/", c.Passages.Select(x => p.Source(x.SourceGuid)!.Passage(x.Start, x.End)))
            )
            .Order(StringComparer.Ordinal)
            .ToList();

    static List<string> Sets(QdaProject p) =>
        p.Sets!.Select(s => $"{s.Name}|{string.Join("/", s.SourceGuids.Select(g => p.Source(g)!.Name))}")
            .Order(StringComparer.Ordinal)
            .ToList();

    static string Values(IReadOnlyDictionary<string, string>? values) =>
        string.Join(
            "; ",
            (values ?? new Dictionary<string, string>())
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => $"{v.Key}={v.Value}")
        );

    /// <summary>A coded-passage CSV's rows by column name.</summary>
    static List<Dictionary<string, string>> Csv(string csv)
    {
        using var reader = new CsvHelper.CsvReader(
            new StringReader(csv.TrimStart('\uFEFF')),
            System.Globalization.CultureInfo.InvariantCulture
        );
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        return rows;
    }

    static List<string> Codings(QdaProject p) =>
        p
            .Codings.Select(c => $"{c.CodeId}|{c.UserId}|{p.Source(c.SourceGuid)!.Passage(c.Start, c.End)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    internal static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    internal static void Validate(string qde)
    {
        var schemas = new XmlSchemaSet();
        using (
            var xsd = XmlReader.Create(Path.Combine(RepoPaths.Root, "..", "shared", "refi-qda", "Project-mrt2019.xsd"))
        )
            schemas.Add(null, xsd);
        var errors = new List<string>();
        XDocument.Parse(qde).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        Assert.Equal(Qda + "Project", XDocument.Parse(qde).Root!.Name);
    }
}
