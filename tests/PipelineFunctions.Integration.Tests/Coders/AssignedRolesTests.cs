using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// Roles the study lead assigns on the speakers page reach every view that reads roles: the matrix by role (JSON and
/// CSV), the code view's and code tree's role filter, search, quote citations, before any label in a speaker's name.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AssignedRolesTests(PipelineFixture fixture)
{
    const string Transcript =
        "Interviewer: Who helps you at the clinic?\n"
        + "#9 (PSW): My supervisor backs me up at the clinic.\n"
        + "Interviewer: And the others?\n"
        + "#4: Some staff show stigma and exclude us at the clinic.\n";

    [Fact]
    public async Task The_matrix_by_role_counts_the_role_the_study_lead_assigned_not_the_label_in_the_speakers_name()
    {
        var study = await fixture.CreateStudyAsync("roles");
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "roles.txt",
            Encoding.UTF8.GetBytes(Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var speakers = $"/api/studies/{study}/transcripts/{id}/speakers";
        var participants = (await lead.GetFromJsonAsync<JsonNode>(speakers))!["speakers"]!
            .AsArray()
            .Where(s => (bool)s!["participant"]!)
            .Select(s => (string)s!["speaker"]!)
            .ToList();
        Assert.Equal(["#9 (PSW)", "#4"], participants);
        using (
            var set = await lead.PutAsJsonAsync(
                speakers,
                new { roles = new Dictionary<string, string> { ["#9 (PSW)"] = "staff", ["#4"] = "service user" } }
            )
        )
            set.EnsureSuccessStatusCode();

        var review = $"/api/studies/{study}/transcripts/{id}/review";
        var codings = new[]
        {
            new
            {
                segment = 2,
                codeId = "supportive-figures",
                origin = "added",
            },
            new
            {
                segment = 4,
                codeId = "staff-hostility",
                origin = "added",
            },
        };
        using (var saved = await coder.PutAsJsonAsync($"{review}/mine", new { codings }))
            saved.EnsureSuccessStatusCode();
        (await coder.PostAsync($"{review}/mine/submit", null)).EnsureSuccessStatusCode();

        var matrix = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/matrix?by=role"))!;
        var columns = matrix["columns"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(["service user", "staff"], columns);
        int Count(string code, string column) =>
            (int)
                matrix["rows"]!.AsArray().Single(r => (string)r!["code"]! == code)!["counts"]![
                    columns.IndexOf(column)
                ]!;
        Assert.Equal((1, 0), (Count("supportive-figures", "staff"), Count("supportive-figures", "service user")));
        Assert.Equal((0, 1), (Count("staff-hostility", "staff"), Count("staff-hostility", "service user")));
        var csv = await coder.GetStringAsync($"/api/studies/{study}/matrix?by=role&format=csv");
        Assert.StartsWith("Code,Parent,service user,staff", csv, StringComparison.Ordinal);

        // The code view: filtered by the assigned role, cited with it; the label in the name no longer filters.
        var passages = (
            await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codes/supportive-figures/passages?role=staff")
        )!["passages"]!.AsArray();
        Assert.Equal(
            ("staff", "[#9, Kampala, staff]"),
            ((string)passages.Single()!["role"]!, (string)passages.Single()!["citation"]!)
        );
        Assert.Empty(
            (
                await coder.GetFromJsonAsync<JsonNode>(
                    $"/api/studies/{study}/codes/supportive-figures/passages?role=PSW"
                )
            )!["passages"]!.AsArray()
        );
        var tree = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codes/tree?role=service%20user"))!;
        int Final(string code) => (int)tree["codes"]!.AsArray().Single(c => (string)c!["id"]! == code)!["consensus"]!;
        Assert.Equal((1, 0), (Final("staff-hostility"), Final("supportive-figures")));

        // Search: the hit carries the assigned role and the role filter reads it.
        var hits = (
            await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/search?q=clinic&role=service%20user")
        )!["hits"]!.AsArray();
        Assert.Equal([(4, "service user")], hits.Select(h => ((int)h!["segment"]!, (string)h["role"]!)));
    }
}
