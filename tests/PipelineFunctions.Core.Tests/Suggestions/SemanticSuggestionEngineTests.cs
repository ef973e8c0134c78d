using System.Text.RegularExpressions;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Tests.Suggestions;

/// <summary>The few checks that need the real sentence model (loaded once for the process, well under a second).</summary>
public sealed class SemanticSuggestionEngineTests
{
    const string Imh = "imh-barriers-facilitators";

    static CodingUnit Unit(string speaker, string text) => new(1, 1, speaker, text, CodingUnits.IsInterviewer(speaker));

    [Fact]
    public void Placeholders_are_never_evidence()
    {
        var examples = DevSets
            .Labelled(Imh)
            .Append(
                new LabelledExample("[PERSON-2] from the ward always backs me up with [name].", "supportive-figures")
            );
        var engine = new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance, examples);
        var result = engine.Suggest([
            Unit("P1", "My friend [PERSON-4] at [HOSPITAL] always backs me up when [name] is rude to me."),
        ]);
        var evidence = result[0].Suggestions.SelectMany(s => s.Evidence).ToList();
        Assert.NotEmpty(evidence);
        // The word itself, not a code name such as "Identifying personalised coping strategies".
        Assert.All(
            evidence,
            e => Assert.False(Placeholders.Contains(e) || Regex.IsMatch(e, @"\bperson\b", RegexOptions.IgnoreCase), e)
        );
        Assert.Contains(evidence, e => e.StartsWith("nearest passage coded ", StringComparison.Ordinal));
        // The definition's phrase it matches, and the passage's own words, each placeholder shown as a gap.
        Assert.Contains(
            result[0].Suggestions[0].Evidence,
            e =>
                e.StartsWith("matches the definition's \"", StringComparison.Ordinal)
                && e.EndsWith(
                    ": \"My friend … at … always backs me up when … is rude to me.\"",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void Written_down_role_ranks_defined_role_above_unclear_role()
    {
        // The issue's case: the lexical engine put "Unclear role" first on the word "role". (A harder wording —
        // "they wrote down exactly what my job is and what it is not" — still fails zero-shot and few-shot.)
        var engine = new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance);
        var ranked = engine
            .Rank("My role was written down clearly, so I knew what I was there to do.")
            .Select(r => r.CodeId)
            .ToList();
        Assert.Equal("defined-role", ranked[0]);
    }

    [Fact]
    public void Small_talk_and_interviewer_turns_are_abstentions_of_their_own()
    {
        var engine = new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance);
        var result = engine.Suggest([
            Unit("Interviewer", "How does your supervisor support you?"),
            Unit("P1", "Yes."),
            Unit("P1", "Sorry, my phone is ringing, one second."),
            Unit("P1", "Nobody ever told me what I was supposed to be doing on the ward."),
        ]);
        Assert.Equal(
            [Abstention.InterviewerTurn, Abstention.TooLittle, Abstention.OffTopic, null],
            result.Select(r => r.Abstained)
        );
        Assert.All(result.Take(3), r => Assert.Empty(r.Suggestions));
        Assert.Equal(3, result[3].Suggestions.Count);
    }

    [Fact]
    public void Coders_decisions_change_the_ranking()
    {
        const string text =
            "We meet every Friday, just the peer workers, to share what went wrong and cheer each other on.";
        var engine = new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance);
        var before = engine.Rank(text);
        var (first, second) = (before[0].CodeId, before[1].CodeId);
        engine.Learn([
            new CodingDecision(text, second, CodingDecisionKind.Changed, first),
            new CodingDecision(
                "Every week we peer workers meet alone and lift each other up.",
                second,
                CodingDecisionKind.Added
            ),
        ]);
        var after = engine.Rank(text);
        Assert.Equal(second, after[0].CodeId);
        Assert.Equal(2, engine.DecisionCount);
    }

    [Fact]
    public void One_coded_passage_makes_a_near_passage_surely_that_code()
    {
        // The classifier moves a little per passage; the nearest coded passage (and the prototype it joins) carries a new
        // use of a code at once.
        var examples = DevSets
            .Dev(Imh)
            .Append(
                new LabelledExample(
                    "I bring my knitting to work and on the break I knit, it keeps my hands busy and my head quiet.",
                    "coping-strategies"
                )
            )
            .ToList();
        const string text = "At lunch I sit in the garden with my knitting for half an hour.";
        double Confidence(SemanticTuning tuning) =>
            new SemanticSuggestionEngine(DevSets.Codebook(Imh), SharedEmbeddings.Instance, examples, tuning: tuning)
                .Rank(text)
                .Single(r => r.CodeId == "coping-strategies")
                .Confidence;
        var withNeighbour = Confidence(SemanticTuning.Default);
        var classifierAlone = Confidence(SemanticTuning.Default with { NeighbourWeight = 0, PrototypeWeight = 0 });
        Assert.True(
            withNeighbour > 0.9 && withNeighbour > classifierAlone + 0.2,
            $"{withNeighbour:F2} with the nearest passage, {classifierAlone:F2} without"
        );
    }

    [Fact]
    public void A_code_one_sentence_carries_is_not_drowned_by_the_rest_of_the_answer()
    {
        const string text =
            "Most days the staff ignore me and make jokes about patients like me. They do not let me into the handover. "
            + "Honestly I think they don't want a peer on the ward. But my supervisor stands up for me every time.";
        IReadOnlyList<(string CodeId, double Confidence)> Ranked(SemanticTuning tuning) =>
            new SemanticSuggestionEngine(
                DevSets.Codebook(Imh),
                SharedEmbeddings.Instance,
                DevSets.Dev(Imh),
                tuning: tuning
            ).Rank(text);
        var withPhrases = Ranked(SemanticTuning.Default);
        var wholeOnly = Ranked(SemanticTuning.Default with { PhraseWeight = 0 });
        Assert.Equal(["staff-hostility", "supportive-figures"], withPhrases.Take(2).Select(r => r.CodeId));
        double Supportive(IReadOnlyList<(string CodeId, double Confidence)> r) =>
            r.Single(x => x.CodeId == "supportive-figures").Confidence;
        Assert.True(
            Supportive(withPhrases) > 1.5 * Supportive(wholeOnly),
            $"{Supportive(withPhrases):F2} with phrases, {Supportive(wholeOnly):F2} without"
        );
    }

    [Fact]
    public void Texts_embedded_together_in_batches_by_length_keep_their_order_and_their_vectors()
    {
        // Long enough for two chunks, shorter than a batch, and more than one batch in all.
        var answer = string.Join(
            ' ',
            Enumerable.Repeat("My supervisor backs me up when the nurses doubt my role.", 12)
        );
        List<string> texts =
        [
            answer,
            "Yes.",
            .. Enumerable.Range(1, 40).Select(i => $"On day {i} the ward was {(i % 2 == 0 ? "calm" : "busy")}."),
            "The training gave me counselling skills.",
        ];
        var together = SentenceModel.MiniLm.Embed(texts);
        Assert.Equal(texts.Count, together.Count);
        foreach (var i in new[] { 0, 1, 2, 41, 42 })
        {
            var alone = SentenceModel.MiniLm.Embed([texts[i]])[0];
            Assert.True(Vectors.Dot(alone, together[i]) > 0.9999, $"text {i} got another text's vector");
        }
    }
}
