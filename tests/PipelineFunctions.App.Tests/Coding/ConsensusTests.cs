using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class ConsensusTests
{
    static readonly Dictionary<int, int> Lengths = new()
    {
        [1] = 40,
        [2] = 30,
        [3] = 20,
    };

    static CodingEntry Span(int segment, string code, int start, int end) => new(segment, code, "added", start, end);

    static CodingEntry Whole(int segment, string code) => new(segment, code, "suggested");

    [Fact]
    public void Coverage_merges_overlapping_and_touching_sub_spans_and_any_whole_coding_is_the_whole_passage()
    {
        Assert.Equal(
            [new CodedSpan(2, 9), new CodedSpan(12, 15)],
            Consensus.Coverage([Span(1, "a", 12, 15), Span(1, "a", 5, 9), Span(1, "a", 2, 6)])
        );
        Assert.Equal([new CodedSpan(2, 12)], Consensus.Coverage([Span(1, "a", 2, 6), Span(1, "a", 6, 12)]));
        Assert.Equal([CodedSpan.Whole], Consensus.Coverage([Span(1, "a", 2, 6), Whole(1, "a")]));
        Assert.Equal([CodedSpan.Whole], Consensus.Coverage([Span(1, "a", 0, 40)], length: 40));
        Assert.Empty(Consensus.Coverage([Span(1, "a", 4, 4)]));
    }

    [Fact]
    public void The_same_spans_agree_and_keep_their_span_while_other_spans_or_one_coder_only_disagree()
    {
        var (agreed, disagreements) = Consensus.Compare(
            [Span(1, "hostility", 5, 12), Whole(2, "support"), Span(3, "rules", 0, 8), Span(1, "stigma", 0, 4)],
            [Span(1, "hostility", 5, 12), Span(2, "support", 3, 9), Span(3, "rules", 4, 14)],
            Lengths
        );

        Assert.Equal([new CodingEntry(1, "hostility", "consensus", 5, 12)], agreed);
        Assert.Equal([(1, "stigma"), (2, "support"), (3, "rules")], disagreements.Select(d => (d.Segment, d.CodeId)));
        var rules = disagreements.Single(d => d.CodeId == "rules");
        Assert.Equal([new CodedSpan(0, 8)], rules.First);
        Assert.Equal([new CodedSpan(4, 14)], rules.Second);
        Assert.Equal([new CodedSpan(0, 14)], rules.Union);
        var support = disagreements.Single(d => d.CodeId == "support");
        Assert.Equal([CodedSpan.Whole], support.Union);
        var stigma = disagreements.Single(d => d.CodeId == "stigma");
        Assert.Empty(stigma.Second);
        Assert.Equal(stigma.First, stigma.Union);
    }

    [Fact]
    public void A_sub_span_over_all_of_its_passage_agrees_with_the_whole_passage()
    {
        var (agreed, disagreements) = Consensus.Compare([Whole(3, "rules")], [Span(3, "rules", 0, 20)], Lengths);
        Assert.Empty(disagreements);
        Assert.Equal([new CodingEntry(3, "rules", "consensus")], agreed);
    }

    [Fact]
    public void The_resolved_coding_keeps_sub_spans_as_chosen_first_second_or_union()
    {
        var (agreed, disagreements) = Consensus.Compare(
            [Span(1, "hostility", 5, 12), Span(2, "support", 3, 9), Span(3, "rules", 0, 8), Span(3, "rules", 15, 18)],
            [Span(1, "hostility", 5, 12), Whole(2, "support"), Span(3, "rules", 4, 10), Span(1, "stigma", 0, 4)],
            Lengths
        );

        var (final, problem) = Consensus.Resolve(
            agreed,
            disagreements,
            [new(1, "stigma", Consensus.Second), new(2, "support", Consensus.First), new(3, "rules", Consensus.Union)]
        );

        Assert.Null(problem);
        Assert.Equal(
            [
                new CodingEntry(1, "hostility", "consensus", 5, 12),
                new CodingEntry(1, "stigma", "consensus", 0, 4),
                new CodingEntry(2, "support", "consensus", 3, 9),
                new CodingEntry(3, "rules", "consensus", 0, 10),
                new CodingEntry(3, "rules", "consensus", 15, 18),
            ],
            final
        );
    }

    [Fact]
    public void Keeping_the_coder_who_left_a_code_off_drops_it()
    {
        var (agreed, disagreements) = Consensus.Compare([Span(1, "stigma", 0, 4)], [], Lengths);
        var (final, _) = Consensus.Resolve(agreed, disagreements, [new(1, "stigma", Consensus.Second)]);
        Assert.Empty(final!);
    }

    [Theory]
    [InlineData("open", "Choose what to keep for every disagreement: 1 still open.")]
    [InlineData("odd", "Keep one coder's span ('first' or 'second') or their 'union', not 'both'.")]
    [InlineData("twice", "Passage 3 has two choices for 'rules'; keep one.")]
    [InlineData("stray", "The coders did not disagree on 'hostility' in passage 1.")]
    public void A_consensus_with_a_disagreement_left_open_or_a_choice_that_resolves_nothing_is_refused(
        string kind,
        string expected
    )
    {
        var (agreed, disagreements) = Consensus.Compare(
            [Span(1, "hostility", 5, 12), Span(3, "rules", 0, 8), Span(1, "stigma", 0, 4)],
            [Span(1, "hostility", 5, 12), Span(3, "rules", 4, 14)],
            Lengths
        );
        List<ConsensusChoice> choices = kind switch
        {
            "open" => [new(3, "rules", Consensus.Union)],
            "odd" => [new(3, "rules", "both"), new(1, "stigma", Consensus.First)],
            "twice" => [new(3, "rules", Consensus.Union), new(3, "rules", Consensus.First), new(1, "stigma", "first")],
            _ => [new(3, "rules", Consensus.Union), new(1, "stigma", "first"), new(1, "hostility", Consensus.First)],
        };

        var (final, problem) = Consensus.Resolve(agreed, disagreements, choices);

        Assert.Null(final);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Two_consensus_codings_are_the_same_when_they_cover_the_same_words_with_the_same_codes()
    {
        Assert.True(
            Consensus.Same(
                [Span(1, "a", 0, 4), Whole(2, "b")],
                [Whole(2, "b") with { Origin = "x" }, Span(1, "a", 0, 4)]
            )
        );
        Assert.False(Consensus.Same([Span(1, "a", 0, 4)], [Span(1, "a", 0, 5)]));
        Assert.False(Consensus.Same([Span(1, "a", 0, 4)], [Span(1, "a", 0, 4), Whole(2, "b")]));
    }
}
