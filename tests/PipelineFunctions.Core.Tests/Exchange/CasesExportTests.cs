using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>Participants as cases, transcripts with their own values, sites as sets: exported, validated, read back.</summary>
public sealed class CasesExportTests
{
    static readonly XNamespace Qda = QdpxWriter.Namespace;

    [Fact]
    public void Each_participant_in_each_transcript_is_a_case_with_the_transcript_s_values_and_its_role()
    {
        var project = StudyWithCases();
        Assert.Equal(["50001 — 50001_1 (Kampala)", "50002 — 50002_1 (Haifa)"], project.Cases!.Select(c => c.Name)); // interviewers are not cases
        var kampala = project.Cases![0];
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Site"] = "Kampala",
                ["Country"] = "Uganda",
                ["Language"] = "en",
                ["Interview type"] = "individual",
                ["Role"] = "peer worker",
            },
            kampala.Values
        );
        var source = project.Sources[0];
        Assert.Equal(
            source.Turns!.Where(t => t.Speaker == "50001").Select(t => t.Text),
            kampala.Passages.Select(p => source.Passage(p.Start, p.End))
        );
        Assert.False(project.Cases[1].Values.ContainsKey("Role")); // not assigned yet: left empty, never guessed
        Assert.Equal("Kampala", source.Values!["Site"]);
        Assert.Equal(
            [("Site: Kampala", SourceA), ("Site: Haifa", SourceB)],
            project.Sets!.Select(s => (s.Name, Assert.Single(s.SourceGuids)))
        );
        Assert.Equal(StudyVariables.All.Select(v => v.Name), project.Variables!.Select(v => v.Name));
    }

    [Fact]
    public void A_focus_group_gives_each_speaker_a_case_of_their_own_turns()
    {
        var group = TranscriptSource.Build(
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "Focus group 1",
            [
                new SpeakerTurn(1, "Facilitator", "What helped?"),
                new SpeakerTurn(2, "#9", "The supervisor."),
                new SpeakerTurn(3, "#4", "Colleagues."),
                new SpeakerTurn(4, "#9", "And training."),
                new SpeakerTurn(5, "Unknown", "(laughter)"),
            ]
        );
        var project = ParticipantCases.Add(
            Study() with
            {
                Sources = [group],
                Codings = [],
                Notes = [],
            },
            _ => new TranscriptAttributes(InterviewType: "focus group"),
            (_, speaker) => speaker == "#9" ? ParticipantRole.ServiceUser : ParticipantRole.Carer
        );
        Assert.Equal(
            [("#9 — Focus group 1", "service user", 2), ("#4 — Focus group 1", "carer", 1)],
            project.Cases!.Select(c => (c.Name, c.Values["Role"], c.Passages.Count))
        );
        Assert.Empty(project.Sets!); // no site given, no site set
    }

    [Fact]
    public void The_export_with_cases_variables_and_sets_validates_against_the_schema()
    {
        var qde = XDocument.Parse(QdpxWriter.ProjectXml(StudyWithCases()));
        Assert.Empty(SchemaErrors(qde));
        Assert.Equal(5, qde.Descendants(Qda + "Variable").Count());
        Assert.Equal(2, qde.Descendants(Qda + "Case").Count());
        Assert.Equal(2, qde.Descendants(Qda + "Set").Count());
        Assert.Equal(4, qde.Descendants(Qda + "TextSource").First().Elements(Qda + "VariableValue").Count());
        // Every passage a case names is a selection in its source.
        var selections = qde.Descendants(Qda + "PlainTextSelection")
            .Select(s => (string)s.Attribute("guid")!)
            .ToHashSet();
        Assert.All(
            qde.Descendants(Qda + "SelectionRef"),
            r => Assert.Contains((string)r.Attribute("targetGUID")!, selections)
        );
    }

    [Fact]
    public void Export_import_export_keeps_cases_variables_and_sets_equal()
    {
        var study = StudyWithCases();
        var first = QdpxWriter.Write(study);
        var imported = QdpxReader.Read(first, studyCodebook: study.Codebook);
        Assert.Equal(
            Describe(study with { Codebook = study.Codebook with { Reference = null, Approach = null } }),
            Describe(imported)
        );
        Assert.Equal(first, QdpxWriter.Write(imported)); // byte for byte
        var tolerant = QdpxReader.Import(first, study.Codebook);
        Assert.Empty(tolerant.Report.Problems);
        Assert.Equal(first, QdpxWriter.Write(tolerant.Project));
    }

    [Fact]
    public void Imported_cases_give_each_speaker_their_role_and_each_transcript_its_attributes_back()
    {
        var imported = QdpxReader.Read(QdpxWriter.Write(StudyWithCases()));
        Assert.Equal(
            [(SourceA, "50001", ParticipantRole.PeerWorker), (SourceB, "50002", (ParticipantRole?)null)],
            ParticipantCases.Read(imported).Select(p => (p.SourceGuid, p.Speaker, p.Role))
        );
        Assert.Equal(
            new TranscriptAttributes("Kampala", "Uganda", "en", "individual"),
            TranscriptAttributes.From(imported.Source(SourceA)!.Values)
        );
        Assert.Equal(ParticipantRole.ServiceUser, StudyVariables.ParseRole("service user"));
        Assert.Equal(ParticipantRole.PeerWorker, StudyVariables.ParseRole("PeerWorker"));
        Assert.Null(StudyVariables.ParseRole("nurse"));
    }

    [Fact]
    public void The_coded_passage_table_carries_case_role_country_language_and_interview_type()
    {
        var rows = CodedPassageTable.Rows(StudyWithCases());
        var row = rows.First(r => r.CodeId == "supportive-figures" && r.Coder == "coder-anna");
        Assert.Equal(
            new CodedPassageRow(
                "supportive-figures",
                "Supportive figures",
                "My supervisor backed me",
                "50001",
                "Kampala",
                "50001_1 (Kampala)",
                "coder-anna",
                "50001 — 50001_1 (Kampala)",
                "peer worker",
                "Uganda",
                "en",
                "individual"
            ),
            row
        );
        var haifa = rows.First(r => r.Transcript == "50002_1 (Haifa)");
        Assert.Equal(("Haifa", "Israel", "he", (string?)null), (haifa.Site, haifa.Country, haifa.Language, haifa.Role));

        using var csv = new CsvReader(
            new StringReader(Encoding.UTF8.GetString(CodedPassageTable.ToCsv(rows)[3..])),
            CultureInfo.InvariantCulture
        );
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(
            [
                "Code id",
                "Code",
                "Passage",
                "Speaker",
                "Site",
                "Transcript",
                "Coder",
                "Case",
                "Role",
                "Country",
                "Language",
                "Interview type",
            ],
            records[0].Keys
        );
        Assert.Equal("peer worker", records.First(r => (string)r["Passage"] == "My supervisor backed me")["Role"]);
        // Read back from the .qdpx, the table is the same.
        Assert.Equal(
            rows.Select(r => r with { Speaker = null }),
            CodedPassageTable
                .Rows(QdpxReader.Read(QdpxWriter.Write(StudyWithCases())))
                .Select(r => r with { CodeId = rows.First(x => x.CodeName == r.CodeName).CodeId })
        );
    }

    [Fact]
    public void Values_for_undeclared_variables_and_cases_on_missing_sources_are_refused_on_export()
    {
        var study = StudyWithCases();
        Assert.Throws<ArgumentException>(() => QdpxWriter.Write(study with { Variables = [] }));
        Assert.Throws<ArgumentException>(() =>
            QdpxWriter.Write(study with { Sources = [study.Sources[0]], Codings = [], Notes = [] })
        );
    }
}
