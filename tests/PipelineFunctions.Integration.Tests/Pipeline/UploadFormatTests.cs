using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Tests;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static PipelineFunctions.Core.Tests.Transcripts.UploadFixtures;

namespace PipelineFunctions.Integration.Tests.Pipeline;

/// <summary>
/// The formats sites upload beyond .txt, .docx and subtitles, through the API: a Windows-1252 text with umlauts, RTF,
/// OpenDocument and a text PDF each reach SuggestionsReady with their words intact; each hostile variant is refused at
/// upload with its reason, recorded Rejected, and its original kept under its own extension.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class UploadFormatTests(PipelineFixture fixture)
{
    static UploadFormatTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>(file name, content, words the coder must see). Text from a German site, interviewed in English.</summary>
    static IEnumerable<(string Name, byte[] Content, string Expected)> Readable()
    {
        const string german = """
            Interviewer: How were the first weeks on the ward?
            P1: Hard. The nurses said „Sie gehören nicht hierher“ – that hurt. Later, in the Küche, the ward manager told me: „Schön, dass Sie da sind.“ That changed everything.
            Interviewer: What helped you most?
            P1: The training, and my supervisor. She made sure the Pflegekräfte knew what a Genesungsbegleiter does – über Ängste sprechen, über Rückfälle, über Hoffnung.
            """;
        yield return (
            "interview-1252.txt",
            Encoding.GetEncoding(1252).GetBytes(german),
            "gehören nicht hierher“ – that hurt"
        );
        yield return (
            "interview.rtf",
            Encoding.ASCII.GetBytes(
                """
                {\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\header Study confidential\par}
                \pard\f0\fs22 Interviewer: What was the training like for you?\par
                P2: It gave me counselling skills, and I feel my work has meaning. My colleagues at the clinic trust me now, and the nurses ask for my view.\par
                Interviewer: And the hard parts?\par
                P2: Nobody knew what a peer worker was for. Sometimes I was asked to clean or watch patients, which is not peer work at all.\par
                }
                """
            ),
            "counselling skills"
        );
        yield return (
            "interview.odt",
            Odt(
                P("Interviewer: How did the team receive you?")
                    + P(
                        "P3: Some staff were hostile at first. They did not greet me and left me out of the handover meetings."
                    )
                    + P("Interviewer: Did that change?")
                    + P(
                        "P3: Yes, once the ward manager explained my role to everyone, things became much better for me."
                    )
            ),
            "handover meetings"
        );
        yield return (
            "interview.pdf",
            Pdf(
                [
                    "Interviewer: What keeps you going in this work?",
                    "P4: Seeing people recover. I share my own story and it gives them hope,",
                ],
                ["and my supervisor backs me when the doctors doubt me.", "Interviewer: Thank you.", "Page 2 of 2"]
            ),
            "gives them hope, and my supervisor"
        );
    }

    /// <summary>(case, file name, content, the reason the answer names).</summary>
    static IEnumerable<(string Case, string Name, byte[] Content, string Reason)> Hostile()
    {
        const string secret = "Nakato Sarah";
        var pdf = Pdf([$"Interviewer: {secret} said hello.", "P1: Yes."]);
        yield return ("zip-bomb OpenDocument", "bomb.odt", TestFiles.Bomb("content.xml"), "ZipBomb");
        yield return (
            "OpenDocument without content",
            "empty.odt",
            TestFiles.Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray())),
            "CorruptDocument"
        );
        yield return (
            "malformed RTF",
            "broken.rtf",
            Encoding.ASCII.GetBytes($"{{\\rtf1 Interviewer: {{\\b {secret}\\par"),
            "CorruptDocument"
        );
        yield return (
            "RTF nested without end",
            "deep.rtf",
            Encoding.ASCII.GetBytes("{\\rtf1 " + new string('{', 100_000)),
            "CorruptDocument"
        );
        yield return ("scanned PDF", "scan.pdf", Pdf([], []), "NoTextLayer");
        yield return ("encrypted PDF", "locked.pdf", Encrypted(pdf), "CorruptDocument");
        yield return ("truncated PDF", "cut.pdf", pdf[..(pdf.Length / 3)], "CorruptDocument");
        yield return (
            "text in no clear encoding",
            "unclear.txt",
            [.. "Interviewer: "u8.ToArray(), 0x81, 0x8D, 0x9D, 0x8F, 0x90],
            "InvalidEncoding"
        );
    }

    [Fact]
    public async Task Each_new_format_and_encoding_goes_through_to_suggestions_with_its_words_intact()
    {
        var study = await fixture.CreateStudyAsync("formats");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        foreach (var (name, content, expected) in Readable())
        {
            var (status, body) = await fixture.UploadAsync(study, "kampala", name, content, PipelineFixture.KampalaKey);
            Assert.True(status == HttpStatusCode.Accepted, $"{name}: {(int)status} {body?["detail"]}");
            var id = (string)body!["transcriptId"]!;
            await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
            var transcript = (await fixture.Transcripts.GetAsync(study, id, default))!;
            Assert.EndsWith(Path.GetExtension(name), transcript.UploadBlob);
            var segments = (
                await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{id}/segments")
            )!;
            Assert.True(segments.Count >= 3, $"{name}: {segments.Count} segments");
            Assert.Contains(expected, string.Join(" ", segments.Select(s => (string)s!["text"]!)));
        }
    }

    [Fact]
    public async Task Each_hostile_variant_of_the_new_formats_is_refused_at_upload_with_its_reason()
    {
        var study = await fixture.CreateStudyAsync("formats");
        var wrong = new List<string>();
        foreach (var (name, fileName, content, reason) in Hostile())
        {
            var (status, body) = await fixture.UploadAsync(
                study,
                "kampala",
                fileName,
                content,
                PipelineFixture.KampalaKey
            );
            var detail = (string?)body?["detail"];
            var id = (string?)body?["transcriptId"];
            var transcript = id is null ? null : await fixture.Transcripts.GetAsync(study, id, default);
            if (
                status != HttpStatusCode.UnprocessableEntity
                || (string?)body?["reason"] != reason
                || string.IsNullOrWhiteSpace(detail)
            )
                wrong.Add($"{name}: {(int)status} {body?["reason"]} {detail}");
            else if (detail.Contains("Nakato", StringComparison.Ordinal))
                wrong.Add($"{name}: the message quotes the file");
            else if (
                transcript is not { Status: TranscriptStatus.Rejected }
                || string.IsNullOrWhiteSpace(transcript.Reason)
            )
                wrong.Add($"{name}: not recorded as rejected");
            else if (!transcript.UploadBlob.EndsWith(Path.GetExtension(fileName), StringComparison.Ordinal))
                wrong.Add($"{name}: stored as {transcript.UploadBlob}");
            else if (!await fixture.Blobs.Uploads.GetBlobClient(transcript.UploadBlob).ExistsAsync())
                wrong.Add($"{name}: original not kept");
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.False(fixture.App.HasExited);
    }
}
