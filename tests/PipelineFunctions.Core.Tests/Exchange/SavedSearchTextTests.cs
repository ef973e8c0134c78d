using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class SavedSearchTextTests
{
    [Theory]
    [InlineData("hostile", null, null, null)]
    [InlineData("\"peer support\" nurses", "kampala", "sw", "peer worker")]
    [InlineData("stigma", null, "en", null)]
    [InlineData("a; b", null, null, "participant")]
    public void A_saved_search_s_description_reads_back_as_its_query_and_filters(
        string query,
        string? site,
        string? language,
        string? role
    )
    {
        var search = new SavedSearchQuery(query, site, language, role);
        var text = SavedSearchText.Describe(search, 3);
        Assert.EndsWith(" (3 passage(s) when saved)", text);
        Assert.Equal(search, SavedSearchText.Read(text));
    }

    [Fact]
    public void Another_tool_s_description_is_no_saved_search()
    {
        Assert.Null(SavedSearchText.Read("Participants from the second wave"));
        Assert.Null(SavedSearchText.Read(null));
        Assert.Equal(
            "Saved search: the; site kampala (2 passage(s) when saved)",
            SavedSearchText.Describe(new("the", "kampala"), 2)
        );
    }
}
