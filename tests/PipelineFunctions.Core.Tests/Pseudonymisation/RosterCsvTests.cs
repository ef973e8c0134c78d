using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

public sealed class RosterCsvTests
{
    [Fact]
    public void Reads_identifiers_categories_and_aliases()
    {
        var roster = RosterCsv.Parse(
            "identifier,category,aliases\nNakato Sarah,person,Sarah N.|Nakato S.\nKibuli,place,\n"
        );
        Assert.Equal(2, roster.Count);
        Assert.Equal(["Sarah N.", "Nakato S."], roster[0].Aliases);
        Assert.Equal(IdentifierCategory.Place, roster[1].Category);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas()
    {
        var roster = RosterCsv.Parse(
            "identifier,category,aliases\n\"Mulago Hospital, Ward 5\",place,\"Ward 5, Mulago\"\n"
        );
        Assert.Equal("Mulago Hospital, Ward 5", roster[0].Identifier);
        Assert.Equal(["Ward 5, Mulago"], roster[0].Aliases);
    }

    [Fact]
    public void Errors_name_the_line_but_never_the_identifier()
    {
        var e = Assert.Throws<FormatException>(() => RosterCsv.Parse("identifier,category\nNakato Sarah,friend\n"));
        Assert.Contains("line 2", e.Message);
        Assert.DoesNotContain("Nakato", e.Message);
    }
}
