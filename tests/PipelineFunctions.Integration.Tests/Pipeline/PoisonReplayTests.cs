using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class PoisonReplayTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Replaying_a_poison_message_runs_the_failed_transcript_to_its_expected_state_and_is_audited()
    {
        var study = await fixture.CreateStudyAsync();
        // Parsed, but its parsed text is missing: pseudonymisation fails five times and the message goes to poison.
        var id = await fixture.BrokenTranscriptAsync(study, "dar-es-salaam");
        await fixture.WaitForStatusAsync(study, id, "Failed");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        (string Queue, string MessageId)? poison;
        while ((poison = await fixture.PoisonMessageOfAsync(id)) is null && DateTime.UtcNow < deadline)
            await Task.Delay(300);
        Assert.NotNull(poison);
        Assert.Equal(PipelineQueues.Pseudonymise, poison.Value.Queue);

        // The cause is mended (the text is there now); only an admin may replay.
        await new TranscriptTexts(fixture.Blobs).SaveParsedAsync(
            id,
            Core.Transcripts.TranscriptReader.Read(
                "a.txt",
                PipelineFixture.Sample("uploads/dar-interview-50007_2.txt")
            ),
            default
        );
        var path = $"/api/admin/poison/{poison.Value.Queue}/{poison.Value.MessageId}/replay";
        using (var coder = fixture.Client(PipelineFixture.CoderKey))
            Assert.Equal(HttpStatusCode.Forbidden, (await coder.PostAsync(path, null)).StatusCode);
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        using (var replayed = await admin.PostAsync(path, null))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Contains(
                "Parsed again",
                (string)(await replayed.Content.ReadFromJsonAsync<JsonNode>())!["message"]!
            );
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(path, null)).StatusCode);

        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var transcript = (await fixture.Transcripts.GetAsync(study, id, default))!;
        Assert.Equal(
            [
                TranscriptStatus.Received,
                TranscriptStatus.Parsed,
                TranscriptStatus.Failed,
                TranscriptStatus.Parsed,
                TranscriptStatus.Pseudonymised,
                TranscriptStatus.SuggestionsReady,
            ],
            transcript.History.Select(h => h.Status)
        );
        Assert.Contains("Replayed from pseudonymise-poison by admin", transcript.History[3].Detail);
        Assert.Null(transcript.Reason);
        Assert.Null(await fixture.PoisonMessageOfAsync(id));

        // The replay is in the audit log, in JSON and in the CSV export.
        var audit = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!;
        var entry = Assert.Single(audit, e => (string?)e!["action"] == "replay-poison");
        Assert.Equal("admin", (string?)entry!["user"]);
        Assert.Contains($"transcript:{id}", (string?)entry["target"]);
        using var csv = await admin.GetAsync($"/api/studies/{study}/audit?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,user,roles,action,target,from", lines[0]);
        Assert.Contains(lines, l => l.Contains(",admin,admin,replay-poison,") && l.Contains(id));
        Assert.Contains(lines, l => l.Contains(",read-audit,"));
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await admin.GetAsync($"/api/studies/{study}/audit?format=xml")).StatusCode
        );
    }

    [Fact]
    public async Task A_poison_message_that_names_no_transcript_is_not_replayed()
    {
        await fixture.Queues.SendTextAsync(
            PipelineQueues.PoisonOf(PipelineQueues.Suggest),
            "garbled, names nothing",
            default
        );
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        var message = (
            await fixture.Queues.Get(PipelineQueues.PoisonOf(PipelineQueues.Suggest)).PeekMessagesAsync(32)
        ).Value.First(m => m.Body.ToString() == "garbled, names nothing");
        Assert.Equal(
            HttpStatusCode.Conflict,
            (
                await admin.PostAsync($"/api/admin/poison/{PipelineQueues.Suggest}/{message.MessageId}/replay", null)
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await admin.PostAsync($"/api/admin/poison/no-such-queue/{message.MessageId}/replay", null)).StatusCode
        );
        // Still there, and visible at once for the next look.
        Assert.Contains(
            (await fixture.Queues.Get(PipelineQueues.PoisonOf(PipelineQueues.Suggest)).PeekMessagesAsync(32)).Value,
            m => m.MessageId == message.MessageId
        );
    }
}
