using System.Text.Json;
using PipelineFunctions.Cli.Commands;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>The <c>pseudonymise</c> verb's review file and every verb's <c>--help</c>.</summary>
public sealed class PseudonymiseCommandTests
{
    [Fact]
    public void Help_takes_no_value_and_is_seen_by_every_verb()
    {
        Assert.Equal("true", CliArgs.Parse(["--help"]).Option("help"));
        Assert.True(CliArgs.AsksForHelp(["input.txt", "--help"]));
        Assert.False(CliArgs.AsksForHelp(["input.txt", "--out", "x"]));
        Assert.Throws<ArgumentException>(() => CliArgs.Parse(["--out"]));
    }

    [Fact]
    public async Task The_review_file_lists_the_unsure_spans_with_turn_offsets_and_reason()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var input = Path.Combine(dir.FullName, "in.txt");
            await File.WriteAllTextAsync(
                input,
                "Interviewer: Hello.\nParticipant: We talked about the Chapel with Sekitoleko.\n"
            );
            await File.WriteAllTextAsync(
                Path.Combine(dir.FullName, "roster.csv"),
                "identifier,category,aliases\nRobert Kintu,person,\n"
            );
            Environment.SetEnvironmentVariable("PSEUDONYM_TEST_KEY", Convert.ToBase64String(new byte[32]));
            var review = Path.Combine(dir.FullName, "review.json");
            var code = await new PseudonymiseCommand().RunAsync(
                [
                    input,
                    "--roster",
                    Path.Combine(dir.FullName, "roster.csv"),
                    "--out",
                    Path.Combine(dir.FullName, "out.txt"),
                    "--key-env",
                    "PSEUDONYM_TEST_KEY",
                    "--review",
                    review,
                ],
                TextWriter.Null,
                TextWriter.Null
            );

            Assert.Equal(0, code);
            var span = Assert.Single(
                JsonDocument
                    .Parse(await File.ReadAllTextAsync(review))
                    .RootElement.GetProperty("unsure")
                    .EnumerateArray()
            );
            Assert.Equal(1, span.GetProperty("turn").GetInt32());
            const string text = "We talked about the Chapel with Sekitoleko.";
            Assert.Equal(text.IndexOf("Chapel", StringComparison.Ordinal), span.GetProperty("start").GetInt32());
            Assert.Equal(text.IndexOf("Chapel", StringComparison.Ordinal) + 6, span.GetProperty("end").GetInt32());
            Assert.Equal("Chapel", span.GetProperty("text").GetString());
            Assert.Equal("ordinary-word-capitalised", span.GetProperty("reason").GetString());
            Assert.DoesNotContain("Sekitoleko", await File.ReadAllTextAsync(Path.Combine(dir.FullName, "out.txt")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
