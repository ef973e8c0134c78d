using System.Net.Http.Json;
using System.Text;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// The sample study end to end, then a scan of everything the app wrote outside the restricted container — the host's
/// and the worker's logs (spans included), every queue message seen and every poison message, every Cosmos document of
/// the study, the pseudonymised and key blobs, and the answers to requests that failed — for every identifier in the
/// samples' originals (samples/identifiers.txt) and the roster. The uploads container keeps the file as sent, by design.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PrivacyTests(PipelineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_identifier_of_the_samples_reaches_anything_the_app_writes_outside_the_restricted_container()
    {
        var study = await fixture.CreateStudyAsync("privacy");
        using var stop = new CancellationTokenSource();
        var written = new List<(string Where, string Text)>();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var stage in StageTable.All)
                foreach (var m in (await fixture.Queues.Get(stage.Queue).PeekMessagesAsync(32)).Value)
                    lock (written)
                        written.Add(($"queue {stage.Queue}", m.Body.ToString()));
                await Task.Delay(20);
            }
        });

        var ids = new List<string>();
        async Task<string> UploadAsync(
            string file,
            string site,
            string key,
            string language,
            string? translationOf = null
        )
        {
            var (_, body) = await fixture.UploadAsync(
                study,
                site,
                Path.GetFileName(file),
                PipelineFixture.Sample(file),
                key,
                language,
                translationOf
            );
            var id = (string)body!["transcriptId"]!;
            ids.Add(id);
            return id;
        }
        await UploadAsync("uploads/kampala-interview-50001.docx", "kampala", PipelineFixture.KampalaKey, "en");
        await UploadAsync("uploads/kampala-focus-group-1.vtt", "kampala", PipelineFixture.KampalaKey, "en");
        await UploadAsync("uploads/kampala-interview-50003.srt", "kampala", PipelineFixture.KampalaKey, "en");
        await UploadAsync("uploads/dar-interview-50007_2.txt", "dar-es-salaam", PipelineFixture.DarKey, "en");
        var source = await UploadAsync(
            "uploads/dar-interview-50010.sw.txt",
            "dar-es-salaam",
            PipelineFixture.DarKey,
            "sw"
        );
        await UploadAsync(
            "uploads/dar-interview-50010.en.txt",
            "dar-es-salaam",
            PipelineFixture.DarKey,
            "en",
            translationOf: source
        );
        foreach (var id in ids)
            await fixture.WaitForStatusAsync(study, id, "SuggestionsReady", "AwaitingTranslationReview");

        // Requests that fail with identifiers in them: a broken upload full of names, and a correction naming a person.
        var broken = Encoding
            .UTF8.GetBytes("Interviewer: Rehema Mushi called on 0754 123 456.\nP1: Nakato Sarah at Butabika ")
            .Concat(new byte[] { 0xC3, 0x28 })
            .ToArray();
        var (_, rejected) = await fixture.UploadAsync(
            study,
            "kampala",
            "broken.txt",
            broken,
            PipelineFixture.KampalaKey
        );
        written.Add(("error answer", rejected?.ToJsonString() ?? ""));
        using (var site = fixture.Client(PipelineFixture.KampalaKey))
        using (
            var missed = await site.PostAsJsonAsync(
                $"/api/studies/{study}/pseudonymisation/corrections",
                new { kind = "missed", text = "Mwakyusa" }
            )
        )
            written.Add(("correction answer", await missed.Content.ReadAsStringAsync()));
        using (var coder = fixture.Client(PipelineFixture.CoderKey))
        using (var wrong = await coder.GetAsync($"/api/studies/{study}/transcripts/no-such-transcript/segments"))
            written.Add(("error answer", await wrong.Content.ReadAsStringAsync()));
        foreach (var id in ids)
            await fixture.WaitForStatusAsync(study, id, "SuggestionsReady", "AwaitingTranslationReview");

        await stop.CancelAsync();
        await watcher;
        foreach (var stage in StageTable.All)
        foreach (var m in (await fixture.Queues.Get(stage.PoisonQueue).PeekMessagesAsync(32)).Value)
            written.Add(($"queue {stage.PoisonQueue}", m.Body.ToString()));
        written.AddRange(fixture.App.Log.Select(line => ("log", line)));
        written.AddRange(await CosmosDocumentsAsync(study, ids));
        foreach (var container in new[] { fixture.Blobs.Pseudonymised, fixture.Blobs.Keys })
        await foreach (var blob in container.GetBlobsAsync())
            if (ids.Any(id => blob.Name.StartsWith(id, StringComparison.Ordinal)))
                written.Add(
                    (
                        $"blob {container.Name}/{blob.Name}",
                        (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString()
                    )
                );

        var identifiers = File.ReadAllLines(Path.Combine(RepoPaths.Samples, "identifiers.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Concat(
                Core.Pseudonymisation.RosterCsv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "roster.csv")))
                    .SelectMany(r => r.Identifier.Split(' ').Append(r.Identifier).Concat(r.Aliases))
            )
            .Distinct()
            .ToList();
        var hits = (
            from w in written
            from identifier in identifiers
            where w.Text.Contains(identifier, StringComparison.OrdinalIgnoreCase)
            select $"{identifier} in {w.Where}"
        )
            .Distinct()
            .ToList();
        output.WriteLine(
            $"privacy scan: {identifiers.Count} identifiers over {written.Count} written items ({written.Count(w => w.Where == "log")} log lines, "
                + $"{written.Count(w => w.Where.StartsWith("queue"))} queue messages, {written.Count(w => w.Where.StartsWith("cosmos"))} Cosmos documents, "
                + $"{written.Count(w => w.Where.StartsWith("blob"))} blobs, {written.Count(w => w.Where.EndsWith("answer"))} error answers): {hits.Count} hits"
        );
        Assert.Contains(written, w => w.Where.StartsWith("queue"));
        Assert.Contains(written, w => w.Where.StartsWith("cosmos segments"));
        Assert.True(hits.Count == 0, string.Join('\n', hits));
    }

    async Task<List<(string Where, string Text)>> CosmosDocumentsAsync(string study, List<string> transcripts)
    {
        var found = new List<(string, string)>();
        async Task ReadAsync(Container container, string key, string partition)
        {
            var query = new QueryDefinition($"SELECT * FROM c WHERE c.{key} = @p").WithParameter("@p", partition);
            using var feed = container.GetItemQueryStreamIterator(
                query,
                requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) }
            );
            while (feed.HasMoreResults)
            {
                using var page = await feed.ReadNextAsync();
                found.Add(($"cosmos {container.Id}", await new StreamReader(page.Content).ReadToEndAsync()));
            }
        }
        await ReadAsync(fixture.Cosmos.Studies, "partition", App.Model.StudyDocument.PartitionValue);
        foreach (
            var container in new[]
            {
                fixture.Cosmos.Transcripts,
                fixture.Cosmos.PseudonymBooks,
                fixture.Cosmos.TranslationChecks,
                fixture.Cosmos.Audit,
                fixture.Cosmos.SearchIndex,
            }
        )
            await ReadAsync(container, "studyId", study);
        foreach (var id in transcripts)
        foreach (var container in new[] { fixture.Cosmos.Segments, fixture.Cosmos.Suggestions, fixture.Cosmos.Codings })
            await ReadAsync(container, "transcriptId", id);
        return found;
    }
}
