using PipelineFunctions.Core.Limits;

namespace PipelineFunctions.Core.Tests.Limits;

public sealed class TextLimitsTests
{
    [Fact]
    public void A_memo_up_to_the_limit_passes_and_the_208000_character_one_is_refused_in_plain_words()
    {
        Assert.Null(TextLimits.CheckMemo(new string('a', TextLimits.Memo)));
        Assert.Null(TextLimits.CheckMemo(null));
        // Characters as people count them: an emoji is one, though .NET counts two.
        Assert.Null(TextLimits.CheckMemo(string.Concat(Enumerable.Repeat("🙂", TextLimits.Memo))));
        Assert.Equal(
            "A memo can be up to 10,000 characters; this one has 208,000. Shorten it, or split it into several memos.",
            TextLimits.CheckMemo(new string('x', 208_000))
        );
    }

    [Fact]
    public void Code_names_definitions_and_free_text_have_their_own_limits_and_messages()
    {
        Assert.Null(TextLimits.CheckCodeName("  Unclear role  "));
        Assert.Equal(
            "A code name can be up to 100 characters; this one has 101. Keep the name short and put the rest in its definition.",
            TextLimits.CheckCodeName(new string('n', 101))
        );
        Assert.Equal(
            "A code's definition can be up to 2,000 characters; this one has 2,001.",
            TextLimits.CheckCodeDefinition(new string('d', 2_001))
        );
        Assert.Null(TextLimits.CheckFreeText("A comment", new string('c', TextLimits.FreeText)));
        Assert.Equal(
            "An answer can be up to 4,000 characters; this one has 4,001. Shorten it, or make it two.",
            TextLimits.CheckFreeText("An answer", new string('c', 4_001))
        );
    }
}
