using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Tests.Coding;

/// <summary>Codings carried into a new pseudonymised version by their words; a changed span waits for its coder.</summary>
public sealed class AnchoredCodingsTests
{
    static readonly Dictionary<int, string> Before = new()
    {
        [1] = "On Mondays Amina takes the ward. Nobody wrote down what I should do.",
    };
    static readonly Dictionary<int, string> After = new()
    {
        [1] = "On Mondays [PERSON-4] takes the ward. Nobody wrote down what I should do.",
    };

    static CodingEntry Span(string words, Dictionary<int, string> passages)
    {
        var start = passages[1].IndexOf(words, StringComparison.Ordinal);
        return AnchoredCodings
            .Anchored([new CodingEntry(1, "c1", "added", start, start + words.Length)], passages, [])
            .Single();
    }

    [Fact]
    public void A_sub_span_moves_with_its_words_and_its_anchor_comes_from_the_new_text()
    {
        var carried = AnchoredCodings.Carry(Span("Nobody wrote down", Before), Before, After);
        Assert.Equal("Nobody wrote down", After[1][carried.Start!.Value..carried.End!.Value]);
        Assert.Null(carried.Confirm);
        Assert.DoesNotContain("Amina", carried.Anchor!.Before);
    }

    [Fact]
    public void A_sub_span_whose_words_changed_is_flagged_and_keeps_no_replaced_name()
    {
        var carried = AnchoredCodings.Carry(Span("Amina takes", Before), Before, After);
        Assert.True(carried.Confirm);
        Assert.Equal("[PERSON-4] takes", carried.Anchor!.Text);
    }

    [Fact]
    public void A_whole_passage_coding_is_left_as_it_is_and_a_flag_survives_a_save_that_does_not_clear_it()
    {
        var whole = new CodingEntry(1, "c1", "added");
        Assert.Same(whole, AnchoredCodings.Carry(whole, Before, After));

        var flagged = AnchoredCodings.Carry(Span("Amina takes", Before), Before, After);
        var resent = flagged with { Confirm = null, Anchor = null };
        Assert.True(AnchoredCodings.Anchored([resent], After, [flagged]).Single().Confirm);
        Assert.False(AnchoredCodings.Anchored([resent with { Confirm = false }], After, [flagged]).Single().Confirm);
    }

    [Fact]
    public void A_memo_on_some_words_moves_with_them_is_flagged_when_they_change_and_a_memo_on_a_passage_stays()
    {
        Memo On(string words)
        {
            var start = Before[1].IndexOf(words, StringComparison.Ordinal);
            return AnchoredCodings
                .Anchored([new Memo(1, "Why?", Start: start, End: start + words.Length)], Before)
                .Single();
        }
        var kept = AnchoredCodings.Carry(On("Nobody wrote down"), Before, After);
        Assert.Equal("Nobody wrote down", After[1][kept.Start!.Value..kept.End!.Value]);
        Assert.Equal(("Nobody wrote down", (bool?)null), (kept.Anchor!.Text, kept.Confirm));

        var changed = AnchoredCodings.Carry(On("Amina takes"), Before, After);
        Assert.True(changed.Confirm);
        Assert.Equal("[PERSON-4] takes", changed.Anchor!.Text);

        var passage = new Memo(1, "About the whole turn.");
        Assert.Same(passage, AnchoredCodings.Carry(passage, Before, After));
        // Words that are not in the passage: the memo is on the whole of it.
        Assert.Equal(
            new Memo(1, "Why?"),
            AnchoredCodings.Anchored([new Memo(1, "Why?", Start: 5, End: 500)], Before).Single()
        );
    }
}
