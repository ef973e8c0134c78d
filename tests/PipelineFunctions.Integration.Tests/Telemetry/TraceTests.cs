using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Telemetry;

/// <summary>The spans the real app exports (console exporter on, see the fixture) while the real pipeline runs.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TraceTests(PipelineFixture fixture)
{
    static readonly string[] Stages = ["IngestTranscript", "PseudonymiseTranscript", "SuggestCodes"];

    [Fact]
    public async Task An_upload_and_every_stage_after_it_form_one_trace_that_carries_ids_only()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "trace.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.DarKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        IReadOnlyList<ExportedSpan> spans = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            spans = fixture.Spans();
            if (Stages.All(s => spans.Any(x => x.Name == s && x.Tag("pipeline.transcript_id") == id)))
                break;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);

        var upload = Assert.Single(spans, s => s.Name == "UploadTranscript" && s.Tag("pipeline.transcript_id") == id);
        Assert.Equal(study, upload.Tag("pipeline.study_id"));
        Assert.Equal("Accepted", upload.Tag("pipeline.outcome"));
        var trace = spans.Where(s => s.TraceId == upload.TraceId).ToList();
        var byId = trace.ToDictionary(s => s.SpanId);

        // The API's server span is the root; each stage is a consumer whose parent is the producer span that queued it.
        var server = Assert.Single(trace, s => s.Kind == "Server");
        Assert.Contains("/transcripts", server.Name);
        Assert.Equal(server.SpanId, upload.ParentSpanId);
        string? previous = upload.SpanId;
        foreach (var stage in Stages)
        {
            var span = Assert.Single(trace, s => s.Name == stage);
            Assert.Equal("Consumer", span.Kind);
            Assert.Equal(id, span.Tag("pipeline.transcript_id"));
            Assert.Equal(study, span.Tag("pipeline.study_id"));
            Assert.Equal("succeeded", span.Tag("pipeline.outcome"));
            Assert.Equal("1", span.Tag("pipeline.dequeue_count"));
            Assert.NotNull(span.Tag("pipeline.stage"));
            var send = byId[span.ParentSpanId!];
            Assert.Equal("Producer", send.Kind);
            Assert.StartsWith("send ", send.Name);
            Assert.Equal(previous, send.ParentSpanId);
            previous = span.SpanId;
        }

        // No span of any trace so far carries a roster identifier or transcript text.
        var roster = Core.Pseudonymisation.RosterCsv.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Samples, "roster.csv"))
        );
        var all = string.Join("\n", spans.Select(s => s.Text));
        foreach (var name in roster.SelectMany(r => r.Identifier.Split(' ').Concat(r.Aliases)))
            Assert.DoesNotContain(name, all, StringComparison.OrdinalIgnoreCase);
        foreach (
            var phrase in new[]
            {
                "trace.txt",
                "guardian for the first",
                "hospital procedures slow",
                "counselling skills",
            }
        )
            Assert.DoesNotContain(phrase, all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_source_and_its_translation_are_checked_in_their_own_traces()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, source) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "s.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            "sw",
            interviewId: "50010_1",
            role: "source"
        );
        var (_, translation) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "t.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            "en",
            interviewId: "50010_1",
            role: "translation"
        );
        var ids = new[] { (string)source!["transcriptId"]!, (string)translation!["transcriptId"]! };
        foreach (var id in ids)
            await fixture.WaitForStatusAsync(study, id, "AwaitingTranslationReview");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (
            DateTime.UtcNow < deadline
            && !ids.All(id =>
                fixture.Spans().Any(s => s.Name == "CheckTranslation" && s.Tag("pipeline.transcript_id") == id)
            )
        )
            await Task.Delay(250);
        var spans = fixture.Spans();
        foreach (var id in ids)
        {
            var upload = Assert.Single(
                spans,
                s => s.Name == "UploadTranscript" && s.Tag("pipeline.transcript_id") == id
            );
            var check = spans.First(s => s.Name == "CheckTranslation" && s.Tag("pipeline.transcript_id") == id);
            Assert.Equal(upload.TraceId, check.TraceId);
            Assert.Equal("translation-check", check.Tag("pipeline.stage"));
        }
    }
}
