using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class PositionsAndColoursTests
{
    [Fact]
    public void Code_point_positions_and_utf16_offsets_convert_both_ways()
    {
        const string text = "a😅b\nשלום";
        Assert.Equal([0, 1, 1, 2, 3, 4], Enumerable.Range(0, 6).Select(i => TextPositions.ToCodePoints(text, i)));
        Assert.Equal(3, TextPositions.ToUtf16(text, 2));
        Assert.Equal(text.Length, TextPositions.ToUtf16(text, text.EnumerateRunes().Count()));
        Assert.Equal(-1, TextPositions.ToUtf16(text, 99));
    }

    [Theory]
    [InlineData("#c0392b", "#C0392B")]
    [InlineData("#FFC0392B", "#C0392B")] // #AARRGGBB
    [InlineData("#80C0392B", "#C0392B")] // #AARRGGBB, half transparent: eight digits are read this way unless only the last pair is opaque
    [InlineData("#C0392BFF", "#C0392B")] // #RRGGBBAA, opaque
    [InlineData("#abc", "#AABBCC")]
    [InlineData("red", null)]
    [InlineData("", null)]
    public void Colours_read_leniently_and_keep_the_rgb(string value, string? expected) => Assert.Equal(expected, CodeColour.Read(value));
}
