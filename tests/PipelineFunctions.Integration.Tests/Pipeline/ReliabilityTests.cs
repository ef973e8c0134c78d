using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Queues;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class ReliabilityTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_replayed_message_changes_nothing()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.DarKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var before = await fixture.Transcripts.GetAsync(study, id, default);
        var suggestionsBefore = await Suggestions(study, id);

        string[] stages = ["PseudonymiseTranscript", "SuggestCodes"];
        var runs = stages.Select(stage => Runs(stage, id)).ToList();
        foreach (var queue in new[] { PipelineQueues.Pseudonymise, PipelineQueues.Suggest })
            await fixture.Queues.SendAsync(queue, new TranscriptMessage(study, id), default);
        // The positive control: both stages ran the replayed message to its end (each run's span is exported when it
        // ends), so what follows sees whatever they did.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (stages.Where((stage, i) => Runs(stage, id) <= runs[i]).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "the replayed messages were not run within 60 s");
            await Task.Delay(200);
        }

        var after = await fixture.Transcripts.GetAsync(study, id, default);
        Assert.Equal(before!.History.Count, after!.History.Count);
        Assert.Equal(before.PseudonymVersion, after.PseudonymVersion);
        Assert.Equal(suggestionsBefore, await Suggestions(study, id));
    }

    [Fact]
    public async Task A_step_failing_five_times_goes_to_poison_and_the_transcript_says_why()
    {
        var study = await fixture.CreateStudyAsync();
        var id = await fixture.BrokenTranscriptAsync(study, "kampala");

        var failed = await fixture.WaitForStatusAsync(study, id, "Failed");
        Assert.Contains("failed 5 times", (string)failed["summary"]!["reason"]!);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(await PoisonIds()).Contains(id))
            await Task.Delay(300);
        Assert.Contains(id, await PoisonIds());

        using var admin = fixture.Client(PipelineFixture.AdminKey);
        var status = (await admin.GetFromJsonAsync<JsonNode>("/api/admin/status"))!;
        Assert.Contains(status["failures"]!.AsArray(), f => (string?)f!["transcriptId"] == id);
        Assert.Contains(
            status["poison"]!.AsArray().SelectMany(q => q!["messages"]!.AsArray()),
            m => (string?)m!["transcriptId"] == id
        );
    }

    [Fact]
    public async Task A_garbled_message_ends_in_poison_without_stopping_the_worker()
    {
        await fixture.Queues.SendTextAsync(PipelineQueues.Suggest, "this is not json", default);
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.DarKey
        );
        await fixture.WaitForStatusAsync(study, (string)body!["transcriptId"]!, "SuggestionsReady");
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline && !(await PoisonBodies(PipelineQueues.Suggest)).Contains("this is not json"))
            await Task.Delay(300);
        Assert.Contains("this is not json", await PoisonBodies(PipelineQueues.Suggest));
    }

    [Fact]
    public async Task A_killed_worker_is_replaced_and_its_work_finishes()
    {
        var study = await fixture.CreateStudyAsync();
        var ids = new List<string>();
        foreach (
            var file in new[]
            {
                "uploads/dar-interview-50007_2.txt",
                "uploads/kampala-interview-50001.docx",
                "uploads/kampala-interview-50003.srt",
            }
        )
        {
            var site = file.Contains("dar") ? "dar-es-salaam" : "kampala";
            var (_, body) = await fixture.UploadAsync(
                study,
                site,
                Path.GetFileName(file),
                PipelineFixture.Sample(file),
                site == "kampala" ? PipelineFixture.KampalaKey : PipelineFixture.DarKey
            );
            ids.Add((string)body!["transcriptId"]!);
        }
        await fixture.KillWorkerAsync();
        foreach (var id in ids)
            await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        foreach (var id in ids)
        {
            var t = await fixture.Transcripts.GetAsync(study, id, default);
            Assert.Single(t!.History, h => h.Status == TranscriptStatus.SuggestionsReady);
        }
    }

    int Runs(string stage, string transcriptId) =>
        fixture.Spans().Count(s => s.Name == stage && s.Tag("pipeline.transcript_id") == transcriptId);

    async Task<string> Suggestions(string study, string id)
    {
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        return (
            await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{id}/segments")
        )!.ToJsonString();
    }

    async Task<List<string>> PoisonBodies(string queue) =>
        (await fixture.Queues.Get(PipelineQueues.PoisonOf(queue)).PeekMessagesAsync(32))
            .Value.Select(m => m.Body.ToString())
            .ToList();

    async Task<string> PoisonIds() => string.Join("\n", await PoisonBodies(PipelineQueues.Pseudonymise));
}
