using PipelineFunctions.Core.Suggestions.Induction;

namespace PipelineFunctions.Core.Tests.Suggestions;

public sealed class CandidateDraftTests
{
    [Fact]
    public void A_candidate_becomes_a_proposal_named_by_its_label_defined_by_its_phrases_with_its_quotes_as_examples()
    {
        var candidate = new CodeProposal(
            "Bus, fare, walk",
            ["bus", "fare", "walk"],
            ["t1:2", "t1:4", "t2:2", "t2:6"],
            ["t2:6", "t1:2", "t9:9"]
        );
        var texts = new Dictionary<string, string>
        {
            ["t1:2"] = "The bus fare takes half of what I earn.",
            ["t1:4"] = "I walk two hours to the clinic.",
            ["t2:2"] = "There is no bus on Sundays.",
            ["t2:6"] = "[PERSON_1] lends me the fare.",
        };

        var draft = CandidateDraft.Of(candidate, texts);

        Assert.Equal("Bus, fare, walk", draft.Name);
        Assert.Equal(
            "Participants speak of bus, fare and walk: drafted from 4 passages that no code of the codebook fits.",
            draft.Definition
        );
        // The quotes in their order of representativeness; one whose text is not at hand is left out.
        Assert.Equal(["[PERSON_1] lends me the fare.", "The bus fare takes half of what I earn."], draft.Examples);
    }

    [Fact]
    public void A_candidate_without_key_phrases_still_gets_a_definition()
    {
        var draft = CandidateDraft.Of(new CodeProposal("Unnamed", [], ["a"], ["a"]), new Dictionary<string, string>());
        Assert.StartsWith("Participants speak of something the codebook does not name", draft.Definition);
        Assert.Empty(draft.Examples);
    }
}
