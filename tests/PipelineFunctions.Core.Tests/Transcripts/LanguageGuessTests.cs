using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Transcripts;

/// <summary>The language the upload page suggests, read from a file's turns among the study's languages; and codebook files by format.</summary>
public sealed class LanguageGuessTests
{
    static IReadOnlyList<SpeakerTurn> Turns(string file) =>
        TranscriptReader.Read(file, File.ReadAllBytes(Repo.Path("samples", "uploads", file))).Turns;

    [Theory]
    [InlineData("dar-interview-50010.sw.txt", "sw")]
    [InlineData("dar-interview-50010.en.txt", "en")]
    public void The_language_of_a_transcript_is_found_among_the_studys(string file, string expected)
    {
        var guess = LanguageGuess.Of(Turns(file), ["en", "sw"]);
        Assert.Equal(expected, guess?.Language);
        Assert.InRange(guess!.Value.Confidence, 0.5, 1);
    }

    [Fact]
    public void Too_little_text_says_nothing_and_a_one_language_study_has_its_language()
    {
        Assert.Null(LanguageGuess.Of([new SpeakerTurn(0, "P1", "Ndiyo.")], ["en", "sw"]));
        Assert.Equal("de", LanguageGuess.Of(Turns("dar-interview-50010.en.txt"), ["de"])?.Language);
    }

    [Fact]
    public void A_codebook_file_is_read_by_its_format_and_an_unknown_format_is_refused()
    {
        var json = File.ReadAllBytes(Repo.Path("samples", "codebooks", "imh-barriers-facilitators.json"));
        var book = CodebookFiles.Read("json", json, "ignored");
        var csv = CodebookFiles.Read("csv", System.Text.Encoding.UTF8.GetBytes(CodebookCsv.Write(book)), "From CSV");
        Assert.Equal(book.Codes.Select(c => c.Id), csv.Codes.Select(c => c.Id));
        Assert.Equal("From CSV", csv.Name);
        Assert.Throws<FormatException>(() => CodebookFiles.Read("xlsx", json, "x"));
    }
}
