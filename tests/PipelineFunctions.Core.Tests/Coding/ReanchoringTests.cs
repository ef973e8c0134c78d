using PipelineFunctions.Core.Coding;

namespace PipelineFunctions.Core.Tests.Coding;

/// <summary>A coded sub-span carried into a new pseudonymised version of its passage by its words, never by its old offsets.</summary>
public sealed class ReanchoringTests
{
    const string Before = "On Mondays Amina takes the ward. Nobody wrote down what I should do, so I asked again.";
    const string After = "On Mondays [PERSON-4] takes the ward. Nobody wrote down what I should do, so I asked again.";

    static (int Start, int End) Span(string passage, string words) =>
        (
            passage.IndexOf(words, StringComparison.Ordinal),
            passage.IndexOf(words, StringComparison.Ordinal) + words.Length
        );

    [Fact]
    public void A_name_replaced_before_the_span_moves_the_span_to_the_same_words()
    {
        var (start, end) = Span(Before, "Nobody wrote down what I should do");
        var anchor = SpanAnchor.Capture(Before, start, end);

        var found = Reanchoring.Find(anchor, After, start);

        Assert.NotNull(found);
        Assert.Equal("Nobody wrote down what I should do", After[found.Start..found.End]);
        Assert.False(found.WordsChanged);
        // The old offsets would cover other words: the positive control.
        Assert.NotEqual("Nobody wrote down what I should do", After[start..end]);
    }

    [Fact]
    public void Of_two_occurrences_of_the_words_the_one_in_the_same_context_is_chosen()
    {
        const string passage = "I asked again. Later the nurse came and I asked again, louder.";
        var second = passage.LastIndexOf("I asked again", StringComparison.Ordinal);
        var anchor = SpanAnchor.Capture(passage, second, second + "I asked again".Length);
        var shifted = "[PERSON-2] said: " + passage;

        var found = Reanchoring.Find(anchor, shifted, 0)!;

        Assert.Equal(shifted.LastIndexOf("I asked again", StringComparison.Ordinal), found.Start);
    }

    [Fact]
    public void A_span_whose_own_words_changed_is_found_by_its_context_and_marked_for_its_coder()
    {
        var (start, end) = Span(Before, "Amina takes");
        var anchor = SpanAnchor.Capture(Before, start, end);

        var found = Reanchoring.Find(anchor, After, start)!;

        Assert.True(found.WordsChanged);
        Assert.Equal("[PERSON-4] takes", After[found.Start..found.End]);
    }

    [Fact]
    public void A_span_whose_words_and_context_are_gone_is_not_placed()
    {
        var anchor = SpanAnchor.Capture(Before, 0, 10);
        Assert.Null(Reanchoring.Find(anchor, "Something else entirely.", 0));
    }

    [Fact]
    public void The_anchor_keeps_the_words_and_a_little_context_either_side()
    {
        var (start, end) = Span(Before, "takes the ward");
        var anchor = SpanAnchor.Capture(Before, start, end);
        Assert.Equal("takes the ward", anchor.Text);
        Assert.EndsWith("Amina ", anchor.Before);
        Assert.StartsWith(". Nobody", anchor.After);
        Assert.True(anchor.Before.Length <= SpanAnchor.Context && anchor.After.Length <= SpanAnchor.Context);
    }
}
