using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class PrivacyTests(PipelineFixture fixture)
{
    [Fact]
    public async Task No_roster_identifier_or_transcript_text_reaches_the_logs_or_the_queues()
    {
        var study = await fixture.CreateStudyAsync();
        // Watch every stage queue while the samples flow: messages must carry ids only.
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var queue in App.Storage.Queues.PipelineQueues.Names)
                    foreach (var m in (await fixture.Queues.Get(queue).PeekMessagesAsync(32)).Value)
                        lock (seen) seen.Add(m.Body.ToString());
                await Task.Delay(20);
            }
        });
        var uploads = new (string File, string Site, string Key, string Language)[]
        {
            ("uploads/kampala-interview-50001.docx", "kampala", PipelineFixture.KampalaKey, "en"),
            ("uploads/kampala-focus-group-1.vtt", "kampala", PipelineFixture.KampalaKey, "en"),
            ("uploads/kampala-interview-50003.srt", "kampala", PipelineFixture.KampalaKey, "en"),
            ("uploads/dar-interview-50007_2.txt", "dar-es-salaam", PipelineFixture.DarKey, "en"),
            ("uploads/dar-interview-50010.sw.txt", "dar-es-salaam", PipelineFixture.DarKey, "sw"),
        };
        foreach (var u in uploads)
        {
            var (_, body) = await fixture.UploadAsync(study, u.Site, Path.GetFileName(u.File), PipelineFixture.Sample(u.File), u.Key, u.Language);
            await fixture.WaitForStatusAsync(study, (string)body!["transcriptId"]!, "SuggestionsReady", "AwaitingTranslationCheck");
        }

        await stop.CancelAsync();
        await watcher;
        Assert.NotEmpty(seen);
        var logs = string.Join("\n", fixture.App.Log.Concat(seen));
        Assert.NotEmpty(logs);
        var roster = Core.Pseudonymisation.RosterCsv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "roster.csv")));
        foreach (var name in roster.SelectMany(r => r.Identifier.Split(' ').Concat(r.Aliases)))
            Assert.DoesNotContain(name, logs, StringComparison.OrdinalIgnoreCase);
        foreach (var phrase in new[] { "example.org", "123 456", "guardian for the first", "hospital procedures slow", "Nimefanya kazi", "counselling skills" })
            Assert.DoesNotContain(phrase, logs, StringComparison.OrdinalIgnoreCase);
    }
}
