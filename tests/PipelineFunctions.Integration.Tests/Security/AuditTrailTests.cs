using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Security;

/// <summary>
/// Who read or changed which transcript, coding and codebook, when and from where, is in the study's audit log as ids
/// and actions only; a refused call leaves no entry, since nothing was read.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AuditTrailTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Reads_and_changes_of_transcripts_codings_and_the_codebook_are_audited_by_id()
    {
        var study = await fixture.CreateStudyAsync("audit");
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        (await coder.GetAsync($"/api/studies/{study}/transcripts/{id}/segments")).EnsureSuccessStatusCode();
        (
            await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/mine",
                new
                {
                    codings = new[]
                    {
                        new
                        {
                            segment = 2,
                            codeId = "defined-role",
                            origin = "added",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        (
            await lead.PutAsync(
                $"/api/studies/{study}/codebook",
                new StringContent(
                    File.ReadAllText(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json")),
                    Encoding.UTF8,
                    "application/json"
                )
            )
        ).EnsureSuccessStatusCode();
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        Assert.Equal(403, (int)(await admin.GetAsync($"/api/studies/{study}/transcripts/{id}/segments")).StatusCode);

        var log = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!.Select(e => e!).ToList();
        JsonNode Entry(string action) => Assert.Single(log, e => (string?)e["action"] == action);
        Assert.Equal("kampala-researcher", (string?)Entry("upload-transcript")["user"]);
        var read = Entry("read-transcript");
        Assert.Equal("coder", (string?)read["user"]);
        Assert.Equal($"transcript:{id}", (string?)read["target"]);
        Assert.False(string.IsNullOrEmpty((string?)read["from"]));
        Assert.Equal($"transcript:{id}", (string?)Entry("save-coding")["target"]);
        Assert.Equal("lead", (string?)Entry("change-codebook")["user"]);
        Assert.DoesNotContain(log, e => (string?)e["user"] == "admin" && (string?)e["action"] == "read-transcript");
    }
}
