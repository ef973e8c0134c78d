using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Exchange.Mapping;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>The study lead's site and language per source: read from JSON, checked against the file and the study.</summary>
public sealed class ImportMappingTests
{
    static readonly ImportSite[] Sites = [new("kampala", "Kampala"), new("dar-es-salaam", "Dar es Salaam")];
    static readonly string[] Languages = ["en", "sw"];

    /// <summary>The two ATLAS.ti-style sources, with neither site nor language in the file.</summary>
    static ImportPlan Unplaced() =>
        ImportPlanner.Plan(
            QdpxReader.Import(
                ForeignProjects.Build(
                    i => $"internal://{ForeignProjects.Guids[i]}.txt",
                    i => $"sources/{ForeignProjects.Guids[i]}.txt"
                )
            ),
            Sites,
            Languages,
            new Dictionary<string, string>()
        );

    static IReadOnlyDictionary<string, SourceChoice> Read(string json) =>
        ImportMapping.Parse(json).Choices ?? throw new InvalidOperationException("unreadable");

    [Fact]
    public void Each_source_takes_its_own_site_and_language_by_id_or_by_name_in_any_case()
    {
        var choices = Read(
            $$$"""
            {"{{{ForeignProjects.Guids[0].ToLowerInvariant()}}}": {"site": "kampala", "language": "en"},
             "{{{ForeignProjects.Guids[1]}}}": {"Site": "Dar es Salaam", "Language": "Kiswahili"}}
            """
        );
        var (plan, errors) = ImportMapping.Apply(Unplaced(), choices, Sites, Languages);
        Assert.Empty(errors);
        Assert.Equal(
            [
                ("kampala", MappingOrigin.Chosen, "en", MappingOrigin.Chosen),
                ("dar-es-salaam", MappingOrigin.Chosen, "sw", MappingOrigin.Chosen),
            ],
            plan.Sources.Select(s => (s.Site, s.SiteFrom, s.Language, s.LanguageFrom))
        );
        Assert.Equal((2, 0), (plan.ToImport, plan.AwaitingChoice));
    }

    [Fact]
    public void A_source_left_out_of_the_mapping_waits_for_a_choice_and_nothing_is_guessed_for_it()
    {
        var choices = Read($$$"""{"{{{ForeignProjects.Guids[0]}}}": {"site": "kampala"}}""");
        var (plan, errors) = ImportMapping.Apply(Unplaced(), choices, Sites, Languages);
        Assert.Empty(errors);
        // The language read in the text stays a suggestion to offer; it is not applied.
        Assert.Equal(
            [("kampala", (string?)null, "en"), (null, null, "en")],
            plan.Sources.Select(s => (s.Site, s.Language, s.SuggestedLanguage))
        );
        Assert.Equal((0, 2), (plan.ToImport, plan.AwaitingChoice));
    }

    [Fact]
    public void A_site_language_or_source_the_study_or_file_lacks_is_refused_in_the_user_s_words_and_nothing_is_chosen()
    {
        var choices = Read(
            $$$"""
            {"{{{ForeignProjects.Guids[0]}}}": {"site": "nairobi", "language": "en"},
             "{{{ForeignProjects.Guids[1]}}}": {"site": "kampala", "language": "fr"},
             "00000000-0000-4000-8000-000000000000": {"site": "kampala", "language": "en"}}
            """
        );
        var before = Unplaced();
        var (plan, errors) = ImportMapping.Apply(before, choices, Sites, Languages);
        Assert.Equal(
            [
                (1, "Source 1: this study has no site 'nairobi'. Choose one of its sites: Kampala, Dar es Salaam."),
                (2, "Source 2: this study is not in the language 'fr'. Choose one of its languages: en, sw."),
                (
                    (int?)null,
                    "The mapping names a source (00000000-0000-4000-8000-000000000000) that is not in this file. "
                        + "Choose the file again; the sources listed are the ones it holds."
                ),
            ],
            errors.Select(e => (e.Number, e.Message))
        );
        Assert.Same(before, plan);
    }

    [Fact]
    public void A_choice_that_agrees_with_the_file_keeps_the_file_as_its_origin_and_one_that_differs_replaces_it()
    {
        var project = ExchangeSamples.Study();
        var plan = ImportPlanner.Plan(
            QdpxReader.Import(
                QdpxWriter.Write(
                    ParticipantCases.Add(
                        project,
                        _ => new TranscriptAttributes("kampala", "Uganda", "en", "individual"),
                        (_, _) => null
                    )
                )
            ),
            Sites,
            Languages,
            new Dictionary<string, string>()
        );
        var choices = Read(
            $$$"""
            {"{{{ExchangeSamples.SourceA}}}": {"site": "kampala", "language": "en"},
             "{{{ExchangeSamples.SourceB}}}": {"site": "dar-es-salaam", "language": "sw"}}
            """
        );
        var (chosen, errors) = ImportMapping.Apply(plan, choices, Sites, Languages);
        Assert.Empty(errors);
        Assert.Equal(
            [
                ("kampala", MappingOrigin.File, "en", MappingOrigin.File),
                ("dar-es-salaam", MappingOrigin.Chosen, "sw", MappingOrigin.Chosen),
            ],
            chosen.Sources.Select(s => (s.Site, s.SiteFrom, s.Language, s.LanguageFrom))
        );
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"A\": \"kampala\"}")]
    public void A_mapping_that_is_not_json_of_sources_is_refused_with_its_shape(string json)
    {
        var (choices, error) = ImportMapping.Parse(json);
        Assert.Null(choices);
        Assert.StartsWith(
            "The mapping could not be read. Send it as each source's GUID with its site and language",
            error
        );
    }

    [Fact]
    public void No_mapping_is_no_choice()
    {
        Assert.Equal((0, (string?)null), (ImportMapping.Parse(null).Choices!.Count, ImportMapping.Parse(" ").Error));
    }
}
