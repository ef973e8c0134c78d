using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>The semantic engine's pure parts, with a stand-in for the model: fast, and each can fail on its own.</summary>
public sealed class SemanticLogicTests
{
    const string Imh = "imh-barriers-facilitators";

    [Theory]
    [InlineData("[PERSON-4] helped me", "someone helped me")]
    [InlineData("I told [name] at [HOSPITAL] and (Name) too", "I told someone at somewhere and someone too")]
    [InlineData("[PERSON] and [LOCATION-2]", "someone and somewhere")]
    public void Placeholders_read_as_neutral_words(string text, string neutral) =>
        Assert.Equal(neutral, Placeholders.Neutralise(text));

    [Fact]
    public void The_lexical_engine_no_longer_counts_a_placeholder_as_the_word_person()
    {
        var stems = PassageAnalyzer.Stems("My friend [PERSON-4] and [name] are persons I trust");
        Assert.Equal(1, stems.Count(s => s.StartsWith("person", StringComparison.Ordinal)));
        Assert.DoesNotContain("name", stems);
    }

    [Fact]
    public void A_parent_leads_when_its_children_are_too_close_to_call()
    {
        var codes = new CodeProfiles(DevSets.Codebook(Imh), new WordHashEmbedder());
        var tied = ParentRollup.Apply(
            [("unclear-role", 0.36), ("staff-hostility", 0.33), ("defined-role", 0.2), ("coping-strategies", 0.11)],
            codes,
            3
        );
        Assert.Equal(["barriers", "unclear-role", "staff-hostility"], tied.Select(r => r.CodeId));
        Assert.Equal(0.69, tied[0].Confidence, 3);
        Assert.Contains("too close to call", tied[0].Reason);

        var clear = ParentRollup.Apply(
            [("unclear-role", 0.7), ("staff-hostility", 0.2), ("defined-role", 0.1)],
            codes,
            3
        );
        Assert.Equal("unclear-role", clear[0].CodeId);
        var cousins = ParentRollup.Apply(
            [("unclear-role", 0.36), ("defined-role", 0.33), ("staff-hostility", 0.31)],
            codes,
            3
        );
        Assert.Equal("unclear-role", cousins[0].CodeId);
    }

    [Fact]
    public void A_changed_code_teaches_the_new_code_and_against_the_old()
    {
        Assert.Equal(
            [("defined-role", true), ("unclear-role", false)],
            new CodingDecision("t", "defined-role", CodingDecisionKind.Changed, "unclear-role").Targets()
        );
        Assert.Equal(
            [("unclear-role", false)],
            new CodingDecision("t", "unclear-role", CodingDecisionKind.Rejected).Targets()
        );
        Assert.Equal(CodingDecisionKind.Accepted, CodingDecision.ForOrigin("t", "x", "suggested").Kind);
        Assert.Equal([("x", true)], CodingDecision.ForOrigin("t", "x", "changed").Targets()); // the replaced code unknown: no counter-example
    }

    [Fact]
    public void The_classifier_starts_at_the_prior_and_moves_toward_coded_passages()
    {
        float[] a = [1, 0],
            b = [0, 1],
            passage = [0.8f, 0.6f];
        var classifier = new CodeClassifier([a, b], priorScale: 5, lambda: 1);
        Assert.True(classifier.Probabilities(passage)[0] > 0.5);
        classifier.Fit([(passage, 1, true), (passage, 0, false)]);
        Assert.True(classifier.Probabilities(passage)[1] > 0.5);
    }

    [Fact]
    public void Each_distinct_text_is_embedded_once()
    {
        var model = new WordHashEmbedder();
        var cache = new EmbeddingCache(model);
        cache.Embed(["a b", "c d", "a b"]);
        var again = cache.Embed(["c d", "a b"]);
        Assert.Equal(2, model.Texts);
        Assert.Equal(2, again.Count);
    }

    [Fact]
    public void Long_passages_are_embedded_in_chunks_within_the_models_length()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 25)) + ".";
        var chunks = PassageChunks.Chunks(string.Join(' ', Enumerable.Repeat(sentence, 16)));
        Assert.True(chunks.Count >= 4);
        Assert.All(chunks, c => Assert.InRange(c.Split(' ').Length, 1, PassageChunks.ChunkWords));
    }

    [Fact]
    public void A_codeable_passage_gets_a_ranked_list_of_exactly_top_n()
    {
        var engine = new SemanticSuggestionEngine(
            DevSets.Codebook(Imh),
            new WordHashEmbedder(),
            DevSets.Labelled(Imh),
            new SuggestionOptions(Top: 5)
        );
        var result = engine.Suggest([
            new CodingUnit(1, 1, "P1", "My supervisor always checks in with me after a hard shift.", false),
        ]);
        Assert.Null(result[0].Abstained);
        Assert.Equal(5, result[0].Suggestions.Count);
        Assert.True(
            result[0]
                .Suggestions.Zip(result[0].Suggestions.Skip(1))
                .All(p => p.First.Confidence >= p.Second.Confidence || p.First.Evidence[0].Contains("too close"))
        );
        Assert.All(result[0].Suggestions, s => Assert.NotEmpty(s.Evidence));
    }

    [Fact]
    public void A_studys_model_learns_new_decisions_incrementally_and_rebuilds_when_one_is_undone()
    {
        var models = new StudyModels(new WordHashEmbedder());
        var codebook = DevSets.Codebook(Imh);
        CodingUnit[] units = [new(1, 1, "P1", "My supervisor always checks in with me after a hard shift.", false)];
        var decisions = DevSets.Labelled(Imh).Take(10).Select(CodingDecision.From).ToList();

        models.Suggest("s1", codebook, decisions, units);
        Assert.Equal("built", models.LastUpdate("s1"));
        decisions.Add(new CodingDecision(units[0].Text, "supportive-figures", CodingDecisionKind.Accepted));
        models.Suggest("s1", codebook, decisions, units);
        Assert.Equal("learned 1", models.LastUpdate("s1"));
        models.Suggest("s1", codebook, decisions, units);
        Assert.Equal("as it was", models.LastUpdate("s1"));
        models.Suggest("s1", codebook, decisions.Skip(1).ToList(), units);
        Assert.Equal("built", models.LastUpdate("s1"));
    }

    [Fact]
    public void Passages_prepared_before_the_studys_turn_are_not_embedded_again_in_it()
    {
        var embedder = new WordHashEmbedder();
        var models = new StudyModels(embedder);
        var codebook = DevSets.Codebook(Imh);
        CodingUnit[] first = [new(1, 1, "P1", "My supervisor always checks in with me after a hard shift.", false)];
        CodingUnit[] next =
        [
            new(1, 1, "Interviewer", "How did the team welcome you?", true),
            new(2, 2, "P1", "Some staff look down on us. They exclude us from the handover, which hurts.", false),
        ];
        var unprepared = new StudyModels(new WordHashEmbedder());
        unprepared.Suggest("s1", codebook, [], first);
        var expected = unprepared.Suggest("s1", codebook, [], next);
        models.Suggest("s1", codebook, [], first);

        var before = embedder.Texts;
        models.Prepare(next);
        var embedded = embedder.Texts;
        Assert.True(embedded > before);
        var result = models.Suggest("s1", codebook, [], next);

        Assert.Equal(embedded, embedder.Texts);
        Assert.Equal(
            expected.Select(u =>
                (u.Abstained, string.Join(',', u.Suggestions.Select(s => $"{s.CodeId}:{s.Confidence}")))
            ),
            result.Select(u => (u.Abstained, string.Join(',', u.Suggestions.Select(s => $"{s.CodeId}:{s.Confidence}"))))
        );
    }
}
