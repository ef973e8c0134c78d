using PipelineFunctions.Core.Coding;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Tests.Coding;

/// <summary>An imported coding counts in the original text: the replacement log carries it to the same words.</summary>
public sealed class OriginalOffsetsTests
{
    const string Original = "My sister Grace Namukasa drives me to the clinic, and Grace waits.";
    const string Pseudonymised = "My sister [PERSON-1] drives me to the clinic, and [PERSON-1] waits.";

    static readonly Replacement[] Log =
    [
        new(3, 10, "Grace Namukasa".Length, "Grace Namukasa", "[PERSON-1]", "person"),
        new(3, 54, "Grace".Length, "Grace", "[PERSON-1]", "person"),
        new(3, 0, 2, "Me", "[PSW-1]", "person", InSpeaker: true),
    ];

    static AnchoredSpan Carry(string words)
    {
        var start = Original.IndexOf(words, StringComparison.Ordinal);
        return OriginalOffsets.Carry(start, start + words.Length, Log);
    }

    [Fact]
    public void A_span_after_a_name_covers_the_same_words_and_is_not_flagged()
    {
        var span = Carry("drives me to the clinic");
        Assert.Equal("drives me to the clinic", Pseudonymised[span.Start..span.End]);
        Assert.False(span.WordsChanged);
    }

    [Fact]
    public void A_span_holding_a_name_covers_its_pseudonym_and_is_flagged()
    {
        var span = Carry("clinic, and Grace waits");
        Assert.Equal("clinic, and [PERSON-1] waits", Pseudonymised[span.Start..span.End]);
        Assert.True(span.WordsChanged);
    }

    [Fact]
    public void A_span_ending_inside_a_name_covers_the_whole_pseudonym()
    {
        var span = Carry("sister Grace");
        Assert.Equal("sister [PERSON-1]", Pseudonymised[span.Start..span.End]);
        Assert.True(span.WordsChanged);
    }
}
