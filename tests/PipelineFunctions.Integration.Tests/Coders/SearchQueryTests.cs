using PipelineFunctions.App.Search;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>How a query matches a passage: pure logic, no server.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("kibonge's", "Then Kibonge’s sister came to the ward.", true)]
    [InlineData("self-help", "We ran a self help group.", true)]
    [InlineData("self-help", "Help yourself, said the nurse.", false)]
    [InlineData("tumaini", "Tumaíni alisema hivyo.", true)]
    [InlineData("kollegen", "Die Kollegen wussten es nicht.", true)]
    [InlineData("\"peer support\"", "Peer, support, and more.", true)]
    [InlineData("\"peer support\"", "Support from a peer.", false)]
    [InlineData("train*", "The training helped.", true)]
    [InlineData("train* ward", "The training helped.", false)]
    public void A_query_matches_words_phrases_and_prefixes_ignoring_case_accents_and_punctuation(
        string query,
        string passage,
        bool matches
    ) => Assert.Equal(matches, new SearchQuery(query).Score(SearchQuery.Searchable(passage)) > 0);

    [Theory]
    [InlineData("")]
    [InlineData("' - *")]
    [InlineData("\"\"")]
    public void A_query_of_nothing_but_punctuation_is_empty(string query) =>
        Assert.True(new SearchQuery(query).IsEmpty);
}
