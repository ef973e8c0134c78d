using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class UploadToReviewTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("uploads/dar-interview-50007_2.txt", "dar-es-salaam", PipelineFixture.DarKey)]
    [InlineData("uploads/kampala-interview-50001.docx", "kampala", PipelineFixture.KampalaKey)]
    [InlineData("uploads/kampala-focus-group-1.vtt", "kampala", PipelineFixture.KampalaKey)]
    [InlineData("uploads/kampala-interview-50003.srt", "kampala", PipelineFixture.KampalaKey)]
    public async Task A_sample_reaches_suggestions_ready_with_pseudonymised_segments(
        string file,
        string site,
        string key
    )
    {
        var study = await fixture.CreateStudyAsync();
        var (status, body) = await fixture.UploadAsync(
            study,
            site,
            Path.GetFileName(file),
            PipelineFixture.Sample(file),
            key
        );
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = (string)body!["transcriptId"]!;

        var done = await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        Assert.Equal(
            ["Received", "Parsed", "Pseudonymised", "SuggestionsReady"],
            done["history"]!.AsArray().Select(h => (string)h!["status"]!)
        );

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var segments = (await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{id}/segments"))!;
        Assert.NotEmpty(segments);
        var text = string.Join("\n", segments.Select(s => $"{s!["speaker"]}: {s["text"]}"));
        foreach (
            var name in new[]
            {
                "Nakato",
                "Rehema",
                "Mushi",
                "Baraka",
                "Mugisha",
                "Butabika",
                "example.org",
                "772 123 456",
                "0754 123 456",
            }
        )
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[PERSON-", text);
        var suggestions = segments.SelectMany(s => s!["suggestions"]!.AsArray()).ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.NotEmpty(s!["evidence"]!.AsArray()));
    }

    [Fact]
    public async Task A_source_and_its_translation_meet_at_the_translation_check()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, source) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "50010.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            "sw"
        );
        var sourceId = (string)source!["transcriptId"]!;
        var (status, translation) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "50010.en.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            "en",
            sourceId
        );
        Assert.Equal(HttpStatusCode.Accepted, status);
        var translationId = (string)translation!["transcriptId"]!;

        await fixture.WaitForStatusAsync(study, sourceId, "AwaitingTranslationReview");
        var done = await fixture.WaitForStatusAsync(study, translationId, "AwaitingTranslationReview");
        Assert.Equal(sourceId, (string?)done["summary"]!["translationOf"]);
        Assert.Equal(
            translationId,
            (string?)(await fixture.TranscriptAsync(study, sourceId))["summary"]!["translationId"]
        );
    }

    [Fact]
    public async Task A_duplicate_upload_gets_a_clear_answer_and_no_second_transcript()
    {
        var study = await fixture.CreateStudyAsync();
        var content = PipelineFixture.Sample("uploads/dar-interview-50007_2.txt");
        var (_, first) = await fixture.UploadAsync(study, "dar-es-salaam", "a.txt", content, PipelineFixture.DarKey);
        var (status, second) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "renamed.txt",
            content,
            PipelineFixture.DarKey
        );

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal((string)first!["transcriptId"]!, (string)second!["transcriptId"]!);
        Assert.Contains("uploaded already", (string)second["detail"]!);
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        Assert.Single((await lead.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts"))!);
    }

    [Fact]
    public async Task Unknown_study_or_site_is_a_4xx_with_a_message()
    {
        var study = await fixture.CreateStudyAsync();
        var content = PipelineFixture.Sample("uploads/dar-interview-50007_2.txt");
        using var lead = fixture.Client(PipelineFixture.LeadKey);

        var (noStudy, body) = await fixture.UploadAsync(
            "no-such-study",
            "kampala",
            "a.txt",
            content,
            PipelineFixture.LeadKey
        );
        Assert.Equal(HttpStatusCode.NotFound, noStudy);
        Assert.Contains("no-such-study", (string)body!["detail"]!);

        var (noSite, siteBody) = await fixture.UploadAsync(
            study,
            "atlantis",
            "a.txt",
            content,
            PipelineFixture.LeadKey
        );
        Assert.Equal(HttpStatusCode.BadRequest, noSite);
        Assert.Contains("atlantis", (string)siteBody!["detail"]!);

        var (otherSite, _) = await fixture.UploadAsync(study, "kampala", "a.txt", content, PipelineFixture.DarKey);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite);
    }

    [Fact]
    public async Task A_blob_dropped_straight_into_uploads_is_found_and_processed()
    {
        var study = await fixture.CreateStudyAsync();
        var content = PipelineFixture.Sample("uploads/dar-interview-50007_2.txt");
        await fixture
            .Blobs.Uploads.GetBlobClient($"{study}/dar-es-salaam/dropped.txt")
            .UploadAsync(BinaryData.FromBytes(content));
        var id = App.Uploads.TranscriptIds.For(study, App.Uploads.TranscriptIds.Sha256(content));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await fixture.Transcripts.GetAsync(study, id, default) is null && DateTime.UtcNow < deadline)
            await Task.Delay(300);
        var done = await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        Assert.Equal("blob-drop", (string?)(await fixture.Transcripts.GetAsync(study, id, default))!.UploadedBy);
        Assert.Equal("dropped.txt", (string?)done["summary"]!["fileName"]);
    }
}
