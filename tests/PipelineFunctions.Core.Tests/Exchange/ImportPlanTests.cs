using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Exchange.Mapping;
using static PipelineFunctions.Core.Tests.Exchange.ExchangeSamples;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>The dry run of an import: each source's site and language from the file, else suggested; duplicates by content.</summary>
public sealed class ImportPlanTests
{
    static readonly ImportSite[] Sites =
    [
        new("kampala", "Kampala"),
        new("dar-es-salaam", "Dar es Salaam"),
        new("haifa", "Haifa"),
    ];
    static readonly string[] Languages = ["en", "sw", "de", "he"];
    static readonly Dictionary<string, string> Nothing = [];

    /// <summary>Our own export of a two-site study: Kampala in English, Dar es Salaam in Kiswahili, Site and Language per source and case.</summary>
    static QdaProject TwoSites() =>
        ParticipantCases.Add(
            Study(),
            source =>
                source.Guid == SourceA
                    ? new TranscriptAttributes("kampala", "Uganda", "en", "individual")
                    : new TranscriptAttributes("dar-es-salaam", "Tanzania", "sw", "individual"),
            (_, _) => null
        );

    static ImportPlan Plan(byte[] qdpx, IReadOnlyDictionary<string, string>? existing = null) =>
        ImportPlanner.Plan(QdpxReader.Import(qdpx), Sites, Languages, existing ?? Nothing);

    [Fact]
    public void Our_own_two_site_export_files_each_source_under_its_own_site_and_language()
    {
        var plan = Plan(QdpxWriter.Write(TwoSites()));
        Assert.Equal(
            [
                ("kampala", MappingOrigin.File, "en", MappingOrigin.File),
                ("dar-es-salaam", MappingOrigin.File, "sw", MappingOrigin.File),
            ],
            plan.Sources.Select(s => (s.Site, s.SiteFrom, s.Language, s.LanguageFrom))
        );
        Assert.Equal((2, 0, 0), (plan.ToImport, plan.Duplicates, plan.AwaitingChoice));
        Assert.Equal("2 source(s) would be imported.", plan.Summary);
    }

    [Fact]
    public void The_site_and_language_of_a_source_s_cases_count_when_the_source_has_none_and_names_are_read_as_well_as_ids()
    {
        var project = TwoSites();
        // As NVivo writes classifications: values on the cases only, the site by its name and the language spelt out.
        project = project with
        {
            Sources = [.. project.Sources.Select(s => s with { Values = null })],
            Cases =
            [
                .. project.Cases!.Select(c =>
                    c with
                    {
                        Values = c.Values.ToDictionary(
                            v => v.Key,
                            v =>
                                v.Value switch
                                {
                                    "dar-es-salaam" => "Dar es Salaam",
                                    "sw" => "Kiswahili",
                                    var x => x,
                                }
                        ),
                    }
                ),
            ],
        };
        var plan = Plan(QdpxWriter.Write(project));
        Assert.Equal([("kampala", "en"), ("dar-es-salaam", "sw")], plan.Sources.Select(s => (s.Site, s.Language)));
    }

    [Fact]
    public void Re_importing_an_export_would_create_nothing_and_says_so()
    {
        var project = TwoSites();
        var existing = project.Sources.ToDictionary(s => ContentFingerprint.Of(s.Turns!), s => $"t-{s.Guid[..4]}");
        var plan = Plan(QdpxWriter.Write(project), existing);
        Assert.Equal([$"t-{SourceA[..4]}", $"t-{SourceB[..4]}"], plan.Sources.Select(s => s.DuplicateOfTranscript));
        Assert.Equal((0, 2), (plan.ToImport, plan.Duplicates));
        Assert.Equal("Nothing would be imported: all 2 source(s) with text are already in the study.", plan.Summary);
    }

    [Fact]
    public void A_source_the_file_holds_twice_is_imported_once()
    {
        var project = TwoSites();
        project = project with
        {
            Sources =
            [
                project.Sources[0],
                project.Sources[1] with
                {
                    PlainText = project.Sources[0].PlainText,
                    Turns = project.Sources[0].Turns,
                },
            ],
            Codings = [],
            Notes = [],
        };
        var plan = Plan(QdpxWriter.Write(project));
        Assert.Equal([(int?)null, 1], plan.Sources.Select(s => s.DuplicateOfSource));
        Assert.Equal(
            "1 source(s) would be imported, 1 are already in the study or the file and would be skipped.",
            plan.Summary
        );
    }

    [Fact]
    public void Without_variables_site_and_language_wait_for_a_choice_with_a_suggestion_from_name_and_text()
    {
        var qdpx = ForeignProjects.Build(
            i => $"internal://{ForeignProjects.Guids[i]}.txt",
            i => $"sources/{ForeignProjects.Guids[i]}.txt"
        );
        var plan = Plan(qdpx);
        // "Interview Kampala 50001" in English, "Fokusgruppe Haifa 2" in German.
        Assert.Equal(
            [((string?)null, "kampala", (string?)null, "en"), (null, "haifa", null, "de")],
            plan.Sources.Select(s => (s.Site, s.SuggestedSite, s.Language, s.SuggestedLanguage))
        );
        Assert.Equal((0, 2), (plan.ToImport, plan.AwaitingChoice));
        Assert.Equal("0 source(s) would be imported, 2 wait for a site or language to be chosen.", plan.Summary);

        var chosen = plan.Choose(
            new Dictionary<int, (string?, string?)> { [1] = ("kampala", "en"), [2] = ("haifa", "no-such-language") },
            Sites,
            Languages
        );
        Assert.Equal(
            [(true, MappingOrigin.Chosen, MappingOrigin.Chosen), (false, MappingOrigin.Chosen, MappingOrigin.None)],
            chosen.Sources.Select(s => (s.Ready, s.SiteFrom, s.LanguageFrom))
        );
    }

    [Fact]
    public void A_source_without_text_is_in_the_plan_with_its_reason()
    {
        var qdpx = ForeignProjects.Build(
            i => $"internal://{ForeignProjects.Guids[i]}.txt",
            i => i == 0 ? $"sources/{ForeignProjects.Guids[i]}.txt" : null,
            root =>
                root.Element(ForeignProjects.Qda + "Sources")!
                    .Add(
                        new XElement(
                            ForeignProjects.Qda + "PictureSource",
                            new XAttribute("guid", "E0000000-0000-4000-8000-0000000000C1"),
                            new XAttribute("name", "Ward photo")
                        )
                    )
        );
        var plan = Plan(qdpx);
        Assert.Equal(
            [
                (true, (string?)null),
                (false, "The text of source 2 is not in the project file."),
                (
                    false,
                    "Source 3 is a Picture source with no text in the file (no text representation or transcript), so it is listed but not coded here."
                ),
            ],
            plan.Sources.Select(s => (s.Placed, s.Reason))
        );
        Assert.Equal(2, plan.NotPlaced);
    }
}
