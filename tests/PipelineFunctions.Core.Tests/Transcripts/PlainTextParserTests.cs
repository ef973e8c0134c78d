using System.Text;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Transcripts;

public sealed class PlainTextParserTests
{
    static ParsedTranscript Read(string text, string name = "t.txt") =>
        TranscriptReader.Read(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_the_speaker_styles_sites_use()
    {
        var t = Read(
            "Interviewer: How are you?\nP3: Fine.\n#9 (PSW): We meet weekly.\n#9, Kampala, PSW: Again.\n[00:01:23] Speaker 1: Timed.\n50001_2: Second interview.\nI: Short label.\n"
        );
        Assert.Equal(
            [
                ("Interviewer", "How are you?"),
                ("P3", "Fine."),
                ("#9 (PSW)", "We meet weekly."),
                ("#9, Kampala, PSW", "Again."),
                ("Speaker 1", "Timed."),
                ("50001_2", "Second interview."),
                ("I", "Short label."),
            ],
            t.Turns.Select(x => (x.Speaker, x.Text))
        );
        Assert.Equal(TimeSpan.FromSeconds(83), t.Turns[4].Start);
        Assert.Equal(Enumerable.Range(1, 7), t.Turns.Select(x => x.Index));
    }

    [Fact]
    public void Continuation_lines_join_their_turn_and_prose_colons_do_not_start_one()
    {
        var t = Read(
            "Interviewer: Tell me more.\n50001: It was hard.\nHe said: no, not today.\n\nThen it got better.\nInterviewer: Thanks.\n"
        );
        Assert.Equal(3, t.Turns.Count);
        Assert.Equal("It was hard. He said: no, not today. Then it got better.", t.Turns[1].Text);
    }

    [Fact]
    public void Text_without_labels_becomes_paragraph_turns_by_an_unknown_speaker()
    {
        var t = Read("First paragraph of notes.\nstill the first.\n\nSecond paragraph.\n");
        Assert.Equal(
            [("Unknown", "First paragraph of notes. still the first."), ("Unknown", "Second paragraph.")],
            t.Turns.Select(x => (x.Speaker, x.Text))
        );
    }

    [Fact]
    public void Crlf_bom_and_utf16_read_the_same_as_plain_utf8()
    {
        const string text = "Interviewer: Jürgen came.\nP1: Café é.\n";
        var expected = Read(text).ToText();
        Assert.Equal(
            expected,
            TranscriptReader
                .Read("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))])
                .ToText()
        );
        Assert.Equal(
            expected,
            TranscriptReader
                .Read("a.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)])
                .ToText()
        );
        Assert.Equal(
            expected,
            TranscriptReader
                .Read(
                    "a.txt",
                    [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]
                )
                .ToText()
        );
        Assert.Equal(expected, TranscriptReader.Read("a.txt", Encoding.Unicode.GetBytes(text)).ToText());
        // Decomposed é (e + combining acute) is normalised to NFC, so offsets do not depend on the editor.
        Assert.Equal(expected, Read(text.Normalize(NormalizationForm.FormD)).ToText());
        Assert.DoesNotContain('\r', expected);
        Assert.DoesNotContain('\uFEFF', expected);
    }
}
