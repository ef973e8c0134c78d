using System.Text.Json;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Suggestions;

public sealed class LocalSuggestionEngineTests
{
    const string Imh = "imh-barriers-facilitators";

    static IReadOnlyList<CodingUnit> Units(params string[] lines) =>
        CodingUnits.FromTurns(
            lines.Select((l, i) => new SpeakerTurn(i + 1, l.Split(": ")[0], l.Split(": ", 2)[1])).ToList()
        );

    [Fact]
    public void A_passage_gets_its_code_with_evidence_from_its_own_words()
    {
        var result = new LocalSuggestionEngine(DevSets.Codebook(Imh)).Suggest(
            Units("P1: Some staff show hostility and stigma towards us and exclude us from meetings.")
        );
        var top = result[0].Suggestions[0];
        Assert.Equal("staff-hostility", top.CodeId);
        Assert.Equal("local", top.Engine);
        Assert.Contains(
            top.Evidence,
            e => e.StartsWith("words: ", StringComparison.Ordinal) && e.Contains("hostility")
        );
        Assert.InRange(top.Confidence, 0.2, 1.0);
    }

    [Fact]
    public void Every_suggestion_carries_evidence_and_interviewer_turns_are_context_only()
    {
        var engine = new LocalSuggestionEngine(DevSets.Codebook(Imh), DevSets.Labelled(Imh));
        var result = engine.Suggest(
            Units(
                "Interviewer: Who supports you at work?",
                "P1: My supervisor backs me up and chases what I need.",
                "P1: The rules slow everything down and the paperwork never ends."
            )
        );
        Assert.Empty(result[0].Suggestions);
        Assert.All(result.SelectMany(r => r.Suggestions), s => Assert.NotEmpty(s.Evidence));
        Assert.Equal("supportive-figures", result[1].Suggestions[0].CodeId);
        Assert.Equal("unsupportive-environment", result[2].Suggestions[0].CodeId);
    }

    [Fact]
    public void Key_phrases_from_an_allowed_service_show_in_the_evidence()
    {
        var units = Units("P1: The ward rules and paperwork slow me down.");
        var result = new LocalSuggestionEngine(DevSets.Codebook(Imh)).Suggest(
            units,
            new Dictionary<int, IReadOnlyList<string>> { [1] = ["ward rules", "paperwork"] }
        );
        Assert.Contains(
            result[0].Suggestions[0].Evidence,
            e => e.StartsWith("key phrases: ", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Nothing_codeable_means_no_suggestion()
    {
        var result = new LocalSuggestionEngine(DevSets.Codebook(Imh)).Suggest(
            Units("P1: Yes.", "P1: The weather is nice today.")
        );
        Assert.All(result, r => Assert.Empty(r.Suggestions));
    }

    [Fact]
    public void The_same_inputs_give_the_same_output()
    {
        string Run() =>
            JsonSerializer.Serialize(
                new LocalSuggestionEngine(DevSets.Codebook(Imh), DevSets.Labelled(Imh)).Suggest(
                    Units("P1: I pray and walk home to clear my head.", "P1: Nobody told me what my job was.")
                )
            );
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Accuracy_after_accepted_examples_exceeds_zero_shot_on_held_out_passages()
    {
        var labelled = DevSets.Labelled(Imh);
        var heldOut = labelled.Where((_, i) => i % 3 == 0).ToList();
        var accepted = labelled.Where((_, i) => i % 3 != 0).ToList();
        double Accuracy(LocalSuggestionEngine engine) =>
            heldOut.Count(l => engine.Rank(l.Text)[0].CodeId == l.CodeId) / (double)heldOut.Count;

        var zeroShot = Accuracy(new LocalSuggestionEngine(DevSets.Codebook(Imh)));
        var learning = new LocalSuggestionEngine(DevSets.Codebook(Imh));
        foreach (var example in accepted)
            learning.Learn(example); // decisions arriving one by one
        var afterReviews = Accuracy(learning);

        Assert.True(
            afterReviews > zeroShot,
            $"zero-shot {zeroShot:P1}, after {accepted.Count} reviews {afterReviews:P1}"
        );
    }

    [Fact]
    public void Long_turns_are_split_at_sentence_ends_into_passages()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 30)) + ".";
        var units = CodingUnits.FromTurns(
            [new SpeakerTurn(1, "P1", string.Join(' ', Enumerable.Repeat(sentence, 10)))],
            new SuggestionOptions(PassageWords: 100)
        );
        Assert.Equal(3, units.Count);
        Assert.All(units, u => Assert.Equal(1, u.TurnIndex));
        Assert.Equal([1, 2, 3], units.Select(u => u.Segment));
    }
}
