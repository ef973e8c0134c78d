using System.Text;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Tests.Codebooks;

public sealed class CodeColoursAndMergeTests
{
    static readonly Codebook Book = new(
        "Peer work",
        [
            new("barriers", "Barriers", null, "Hinders."),
            new("stigma", "Stigma", "barriers", "Looked down on.", Examples: ["They think we are ill"]),
            new("labels", "Labels", "stigma", "Called a patient."),
            new("exclusion", "Exclusion", "barriers", "Left out.", Examples: ["Not at the meeting"], Colour: "#AA0000"),
        ]
    );

    [Fact]
    public void Every_code_gets_a_colour_no_other_code_holds_and_a_colour_given_is_kept()
    {
        var filled = CodeColours.Fill(Book);
        Assert.Equal("#aa0000", filled.Find("exclusion")!.Colour);
        Assert.All(filled.Codes, c => Assert.True(CodeColours.IsColour(c.Colour), c.Id));
        Assert.Equal(filled.Codes.Count, filled.Codes.Select(c => c.Colour).Distinct().Count());
        // Stored again, nothing changes: the colour is fixed with the code.
        Assert.Equal(CodebookJson.Write(filled), CodebookJson.Write(CodeColours.Fill(filled)));
        // A code added later takes a colour still free, and the others keep theirs.
        var grown = CodeColours.Fill(
            filled with
            {
                Codes = [.. filled.Codes, new Code("time", "Time", null, "Waiting.")],
            }
        );
        Assert.Equal(filled.Codes.Select(c => c.Colour), grown.Codes.Take(filled.Codes.Count).Select(c => c.Colour));
        Assert.DoesNotContain(grown.Find("time")!.Colour, filled.Codes.Select(c => c.Colour));
    }

    [Fact]
    public void Colours_travel_in_json_csv_and_qdc()
    {
        var filled = CodeColours.Fill(Book);
        Assert.Equal(
            filled.Codes.Select(c => c.Colour),
            CodebookJson.Parse(CodebookJson.Write(filled)).Codes.Select(c => c.Colour)
        );
        Assert.Equal(
            filled.Codes.Select(c => c.Colour),
            CodebookCsv.Parse(CodebookCsv.Write(filled), "x").Codes.Select(c => c.Colour)
        );
        var qdc = CodebookQdc.Write(filled);
        Assert.Contains("color=\"#AA0000\"", qdc);
        Assert.Equal(
            filled.Codes.Select(c => c.Colour),
            CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(qdc)), "x").Codes.Select(c => c.Colour)
        );
    }

    [Fact]
    public void A_merged_code_leaves_its_children_and_examples_to_the_kept_one()
    {
        var merged = CodeMerge.Merge(Book, "stigma", "exclusion");
        Assert.Null(merged.Find("stigma"));
        Assert.Equal("exclusion", merged.Find("labels")!.Parent);
        Assert.Equal("barriers", merged.Find("exclusion")!.Parent);
        Assert.Equal(["Not at the meeting", "They think we are ill"], merged.Find("exclusion")!.Examples);
        CodebookJson.Parse(CodebookJson.Write(merged));
    }

    [Fact]
    public void A_code_merged_into_one_below_it_leaves_that_one_in_its_place_without_a_loop()
    {
        var merged = CodeMerge.Merge(Book, "barriers", "labels");
        Assert.Null(merged.Find("labels")!.Parent);
        Assert.Equal("labels", merged.Find("stigma")!.Parent);
        Assert.Equal("labels", merged.Find("exclusion")!.Parent);
    }

    [Theory]
    [InlineData("stigma", "stigma")]
    [InlineData("stigma", "nowhere")]
    [InlineData("nowhere", "stigma")]
    public void A_merge_names_two_codes_of_the_codebook(string from, string into) =>
        Assert.Throws<FormatException>(() => CodeMerge.Merge(Book, from, into));
}
