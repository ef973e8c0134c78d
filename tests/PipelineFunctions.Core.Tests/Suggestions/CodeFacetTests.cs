using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>Zero-shot scoring on a code's facets (its name, its definition's phrases and sides), with the model's stand-in.</summary>
public sealed class CodeFacetTests
{
    static readonly Codebook Book = new(
        "facets",
        [
            new Code(
                "pay",
                "Financial arrangements",
                null,
                "Funding, pay scales and remuneration for peer workers versus unpaid volunteering."
            ),
            new Code("rooms", "Resource availability", null, "Access to rooms, phones and time for peer work."),
        ]
    );

    [Fact]
    public void A_definition_that_sets_one_thing_against_another_has_both_sides()
    {
        Assert.Equal(
            ["Clear goals and a flexible", "recovery-oriented organisation", "hierarchy", "clinical-risk focus"],
            PassageChunks.Sides(
                "Clear goals and a flexible, recovery-oriented organisation versus hierarchy, clinical-risk focus."
            )
        );
        Assert.Equal(
            ["People in the workplace", "supervisors and colleagues"],
            PassageChunks.Sides("People in the workplace, such as supervisors and colleagues.")
        );
        Assert.Empty(PassageChunks.Sides("Support offered one-to-one."));
    }

    [Fact]
    public void A_passage_saying_one_facet_plainly_scores_that_facet_not_the_diluted_whole()
    {
        var codes = new CodeProfiles(Book, new WordHashEmbedder());
        var passage = new WordHashEmbedder().Embed(["unpaid volunteering"])[0];
        var whole = codes.ZeroShot(passage, SemanticTuning.Default with { FacetWeight = 0 });
        var facet = codes.ZeroShot(passage, SemanticTuning.Default with { FacetWeight = 1 });
        Assert.Equal(codes.Similarity(passage, "pay"), whole[0], 6);
        Assert.True(whole[0] < 0.9);
        Assert.Equal(1, facet[0], 3); // the side "unpaid volunteering" is the passage itself
        Assert.True(facet[0] > facet[1]);
    }

    [Fact]
    public void The_name_alone_is_a_facet()
    {
        var codes = new CodeProfiles(Book, new WordHashEmbedder());
        var passage = new WordHashEmbedder().Embed(["resource availability"])[0];
        var scores = codes.ZeroShot(passage, SemanticTuning.Default with { FacetWeight = 1 });
        Assert.Equal(1, scores[1], 3);
    }

    [Fact]
    public void A_leafs_name_is_read_with_its_parents()
    {
        var book = new Codebook(
            "sides",
            [
                new Code("barriers", "Barriers", null, "What hinders the work."),
                new Code("unclear-role", "Unclear role", "barriers", "Confusion about the job."),
            ]
        );
        var model = new WordHashEmbedder();
        var codes = new CodeProfiles(book, model);
        var expected = model.Embed(["Unclear role (Barriers)"])[0];
        Assert.Equal(1, Vectors.Dot(codes.Facets["unclear-role"][0], expected), 5);
    }

    [Fact]
    public void Coded_passages_pull_a_passage_like_them_through_their_prototype()
    {
        LabelledExample[] coded =
        [
            new("no desk and no phone here", "rooms"),
            new("a shared phone and a desk in the corridor", "rooms"),
            new("our pay is late again", "pay"),
        ];
        const string text = "a desk and a phone of my own";
        double Confidence(double prototype) => new SemanticSuggestionEngine(
                Book,
                new WordHashEmbedder(),
                coded,
                // a classifier held near a soft prior, so that neither opinion saturates the confidence
                tuning: SemanticTuning.Default with
                {
                    PrototypeWeight = prototype,
                    PriorScale = 2,
                    Lambda = 100,
                }
            ).Rank(text).Single(r => r.CodeId == "rooms").Confidence;
        Assert.True(Confidence(0.5) > Confidence(0) + 0.01, $"{Confidence(0.5):F3} with, {Confidence(0):F3} without");
    }

    [Fact]
    public void The_classifiers_prior_is_the_scores_it_is_given()
    {
        float[] a = [1, 0],
            b = [0, 1];
        var classifier = new CodeClassifier([a, b], priorScale: 5, lambda: 1, priorScores: _ => [0, 1]);
        var p = classifier.PriorProbabilities([1, 0]); // the vectors alone would favour a
        Assert.Equal(1 / (1 + Math.Exp(-5)), p[1], 6);
    }
}
