using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Tests.Exchange;

/// <summary>A project's sets of passages become the study's saved searches, once.</summary>
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

        var search = Assert.Single(ImportedSearches.From(Project(description), placed, [], "lead", At));

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
        Assert.Equal("Hostile staff", Assert.Single(first).Query);

        // The study's own set holds the same passages in another order (best hits first).
        var own = first[0] with
        {
            Passages = [.. first[0].Passages.AsEnumerable().Reverse()],
        };
        Assert.Empty(ImportedSearches.From(Project(null), placed, [own], "lead", At));
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
}
