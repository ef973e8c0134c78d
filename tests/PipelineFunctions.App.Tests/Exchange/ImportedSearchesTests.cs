using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Tests.Exchange;

/// <summary>A project's sets of passages, and its sets of whole sources, become the study's saved searches, once.</summary>
public sealed class ImportedSearchesTests
{
    const string Guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    static readonly List<SpeakerTurn> Turns =
    [
        new(0, "Interviewer", "How was the ward?"),
        new(1, "50001", "The nurses were hostile at first."),
        new(2, "50001", "Later they asked me to lead the group."),
    ];

    static QdaProject Project(string? description)
    {
        var source = TranscriptSource.Build(Guid, "Interview", Turns);
        var (start, end) = TranscriptSource.Offsets(source, 1)!.Value;
        var (laterStart, _) = TranscriptSource.Offsets(source, 2)!.Value;
        return new QdaProject(
            "p",
            [],
            new Codebook("c", []),
            [source],
            [],
            [],
            Sets:
            [
                new("7d3c1a2b-5e6f-4a8b-9c0d-2e3f4a5b6c7d", "Sites", [Guid]),
                new(
                    "4b1a7d2e-9c3f-4e8a-b5d6-1f2e3a4b5c6d",
                    "Hostile staff",
                    [Guid],
                    Description: description,
                    // The whole second turn, and some words of the third (another tool's selection).
                    Passages: [new(Guid, start, end), new(Guid, laterStart + 6, laterStart + 20)]
                ),
            ]
        );
    }

    [Fact]
    public void A_set_of_passages_becomes_a_saved_search_on_the_turns_that_hold_them_with_its_query_and_filters()
    {
        var placed = new Dictionary<string, (string, IReadOnlyList<SpeakerTurn>)> { [Guid] = ("t-new", Turns) };
        var description = SavedSearchText.Describe(new("hostile", "kampala", null, "participant"), 2);

        var search = Assert.Single(
            ImportedSearches.From(Project(description), placed, [], "lead", At),
            s => s.Name == "Hostile staff"
        );

        Assert.Equal(
            ("Hostile staff", "hostile", "kampala", (string?)null, "participant", "lead"),
            (search.Name, search.Query, search.Site, search.Language, search.Role, search.By)
        );
        Assert.Equal([new SetPassage("t-new", 1), new SetPassage("t-new", 2)], search.Passages);
    }

    [Fact]
    public void A_saved_search_the_study_has_is_not_added_again_and_another_tool_s_set_searches_for_its_name()
    {
        var placed = new Dictionary<string, (string, IReadOnlyList<SpeakerTurn>)> { [Guid] = ("t1", Turns) };
        var first = ImportedSearches.From(Project("Passages I want to come back to"), placed, [], "lead", At);
        Assert.Equal("Hostile staff", Assert.Single(first, s => s.Name == "Hostile staff").Query);

        // The study's own set holds the same passages in another order (best hits first).
        var own = first.Select(s => s with { Passages = [.. s.Passages.AsEnumerable().Reverse()] }).ToList();
        Assert.Empty(ImportedSearches.From(Project(null), placed, own, "lead", At));
        // A source that is not in the study: nothing to point at.
        Assert.Empty(
            ImportedSearches.From(
                Project(null),
                new Dictionary<string, (string, IReadOnlyList<SpeakerTurn>)>(),
                [],
                "lead",
                At
            )
        );
    }

    [Fact]
    public void A_set_of_whole_sources_holds_every_passage_of_its_transcripts_and_the_findings_say_so()
    {
        var placed = new Dictionary<string, (string, IReadOnlyList<SpeakerTurn>)> { [Guid] = ("t-new", Turns) };
        var project = Project(null);

        var group = Assert.Single(ImportedSearches.From(project, placed, [], "lead", At), s => s.Name == "Sites");

        Assert.Equal(
            [new SetPassage("t-new", 0), new SetPassage("t-new", 1), new SetPassage("t-new", 2)],
            group.Passages
        );
        var finding = Assert.Single(
            StudyExchange.Findings(new QdpxImport(project, new QdpxImportReport([], []))),
            f => f.Problem == QdpxProblem.SetOfSources
        );
        Assert.StartsWith("1 set(s) group whole sources", finding.Message);
    }

    [Fact]
    public void A_study_s_own_site_set_and_a_set_with_codes_are_not_saved_searches()
    {
        var placed = new Dictionary<string, (string, IReadOnlyList<SpeakerTurn>)> { [Guid] = ("t-new", Turns) };
        var source = TranscriptSource.Build(Guid, "Interview", Turns);
        var own = ParticipantCases.Add(
            new QdaProject(
                "p",
                [],
                new Codebook("c", []),
                [source with { Values = new Dictionary<string, string> { [StudyVariables.Site] = "kampala" } }],
                [],
                []
            ),
            _ => new TranscriptAttributes("kampala", "Uganda", "en", null),
            (_, _) => null
        );
        Assert.Contains(own.Sets!, ParticipantCases.IsSiteSet);
        var withCodes = own with
        {
            Sets = [new("5c2d8e1f-3a4b-4c5d-8e9f-0a1b2c3d4e5f", "Coded by Ben", [Guid], CodeIds: ["support"])],
        };

        Assert.Empty(ImportedSearches.From(own, placed, [], "lead", At));
        Assert.Empty(ImportedSearches.From(withCodes, placed, [], "lead", At));
        Assert.DoesNotContain(
            StudyExchange.Findings(new QdpxImport(own, new QdpxImportReport([], []))),
            f => f.Problem == QdpxProblem.SetOfSources
        );
    }
}
