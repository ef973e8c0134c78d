using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>What people type is held to limits with a message in their words: a memo, a proposed code's name.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TextLimitsApiTests(PipelineFixture fixture)
{
    static async Task<string?> Detail(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonNode>())!["detail"];

    [Fact]
    public async Task A_208000_character_memo_and_a_code_name_of_a_paragraph_are_refused_with_the_limit()
    {
        var study = await fixture.CreateStudyAsync("limits");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var route = $"/api/studies/{study}/transcripts/no-such-transcript/review/mine";
        using (
            var huge = await coder.PutAsJsonAsync(
                route,
                new
                {
                    codings = Array.Empty<object>(),
                    memos = new[] { new { segment = 2, text = new string('x', 208_000) } },
                }
            )
        )
        {
            Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
            Assert.Equal(
                "A memo can be up to 10,000 characters; this one has 208,000. Shorten it, or split it into several memos.",
                await Detail(huge)
            );
        }
        // The same call with a memo of a normal length goes on to look for the transcript.
        using (
            var normal = await coder.PutAsJsonAsync(
                route,
                new
                {
                    codings = Array.Empty<object>(),
                    memos = new[] { new { segment = 2, text = "Rules, not people." } },
                }
            )
        )
            Assert.Equal(HttpStatusCode.NotFound, normal.StatusCode);

        using var name = await coder.PostAsJsonAsync(
            $"/api/studies/{study}/codebook/proposals",
            new { name = new string('n', 300), definition = "Too long a name." }
        );
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Equal(
            "A code name can be up to 100 characters; this one has 300. Keep the name short and put the rest in its definition.",
            await Detail(name)
        );
        using var fine = await coder.PostAsJsonAsync(
            $"/api/studies/{study}/codebook/proposals",
            new { name = "Peer pay", definition = "What peers are paid, and when." }
        );
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
