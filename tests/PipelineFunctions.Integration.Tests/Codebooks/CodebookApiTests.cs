using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Codebooks;

[Collection(PipelineCollection.Name)]
public sealed class CodebookApiTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_codebook_goes_out_as_csv_and_qdc_and_a_new_version_comes_back_in_recorded_on_later_suggestions()
    {
        var study = await fixture.CreateStudyAsync();
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var csv = await coder.GetStringAsync($"/api/studies/{study}/codebook?format=csv");
        Assert.StartsWith("Id,Name,Parent,Definition", csv);
        var qdc = await coder.GetStringAsync($"/api/studies/{study}/codebook?format=qdc");
        Assert.Contains("urn:QDA-XML:codebook:1.0", qdc);

        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var reduced = qdc.Replace("Hostility from non-PSS staff", "Hostile staff");
        using (
            var denied = await coder.PutAsync(
                $"/api/studies/{study}/codebook?format=qdc",
                new StringContent(reduced, Encoding.UTF8, "application/xml")
            )
        )
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var put = await lead.PutAsync(
            $"/api/studies/{study}/codebook?format=qdc",
            new StringContent(reduced, Encoding.UTF8, "application/xml")
        );
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var version = (string)(await put.Content.ReadFromJsonAsync<JsonNode>())!["version"]!;

        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "i.txt",
            Encoding.UTF8.GetBytes("P1: Some staff are hostile, they exclude us and show stigma.\n"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var segments = (await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{id}/segments"))!;
        var suggestion = segments[0]!["suggestions"]![0]!;
        Assert.Equal("Hostile staff", (string?)suggestion["name"]);
        Assert.Equal(version, (string?)suggestion["codebookVersion"]);

        using var bad = await lead.PutAsync(
            $"/api/studies/{study}/codebook?format=csv",
            new StringContent("id,name,parent,definition\na,A,missing,x\n")
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
