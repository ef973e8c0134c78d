using System.Text;
using PipelineFunctions.Core.Transcripts;
using static PipelineFunctions.Core.Tests.Transcripts.UploadFixtures;

namespace PipelineFunctions.Core.Tests.Transcripts;

/// <summary>The formats sites upload beyond .txt, .docx and subtitles: legacy code pages, .rtf, .odt and text PDFs.</summary>
public sealed class UploadFormatTests
{
    const string German = """
        Interviewer: Wie waren die ersten Wochen auf der Station für Sie?
        50001: Anfangs wusste niemand, wofür ich da bin. Die Pflegekräfte waren skeptisch, aber meine Vorgesetzte hat mich unterstützt.
        Interviewer: Was hat Ihnen am meisten geholfen?
        50001: Die Gespräche in der Küche, über Ängste und Rückfälle, und dass ich über meine eigene Geschichte sprechen durfte. Schön war das.
        """;

    [Fact]
    public void Windows_1252_German_is_detected_and_read_with_its_umlauts()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var parsed = TranscriptReader.Read(
            "interview.txt",
            Encoding.GetEncoding(1252).GetBytes(German.Replace("Gespräche", "„Gespräche“"))
        );
        Assert.Equal(["Interviewer", "50001", "Interviewer", "50001"], parsed.Turns.Select(t => t.Speaker));
        Assert.Contains("Küche, über Ängste und Rückfälle", parsed.Turns[3].Text);
        Assert.Contains("„Gespräche“", parsed.Turns[3].Text);
        Assert.Equal("windows-1252", parsed.Encoding!.Encoding);
        Assert.InRange(parsed.Encoding.Confidence!.Value, 0.5f, 1f);
    }

    [Fact]
    public void Iso_8859_1_reads_as_its_Windows_superset_and_UTF_8_says_so()
    {
        var parsed = TranscriptReader.Read("interview.txt", Encoding.Latin1.GetBytes(German));
        Assert.Contains("Schön war das.", parsed.Turns[3].Text);
        Assert.Equal("windows-1252", parsed.Encoding!.Encoding);
        var utf8 = TranscriptReader.Read("interview.txt", Encoding.UTF8.GetBytes(German));
        Assert.Equal(new DecodedText("utf-8"), utf8.Encoding);
        Assert.Equal(parsed.Turns, utf8.Turns);
    }

    [Fact]
    public void Windows_1255_Hebrew_is_detected()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string hebrew =
            "Interviewer: מה עזר לך בהתחלה?\n50002: האחיות היו עוינות בהתחלה, הן התעלמו ממני. אחר כך היה יותר טוב.\n";
        var parsed = TranscriptReader.Read("interview.txt", Encoding.GetEncoding(1255).GetBytes(hebrew));
        Assert.Equal("windows-1255", parsed.Encoding!.Encoding);
        Assert.Equal("האחיות היו עוינות בהתחלה, הן התעלמו ממני. אחר כך היה יותר טוב.", parsed.Turns[1].Text);
    }

    [Fact]
    public void Rtf_reads_paragraphs_code_page_bytes_unicode_and_tables_without_its_tables_of_fonts_or_headers()
    {
        const string rtf = """
            {\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}
            {\info{\author Jane Doe}}{\header Study 50001 confidential\par}
            \pard\f0\fs22 Interviewer: Wie war es f\'fcr Sie?\par
            50001: Schwer. \u8222?Niemand\u8220? wusste Bescheid{\*\bkmkstart x}, ehrlich.\line Aber es wurde besser.\par
            {\footnote Not talk.}\trowd\cellx2000\cellx8000
            \intbl Interviewer\cell Und jetzt?\cell\row
            \intbl 50001\cell Gut \u8212\'97 wirklich.\cell\row
            }
            """;
        var turns = TranscriptReader.Read("interview.rtf", Encoding.ASCII.GetBytes(rtf)).Turns;
        Assert.Equal(
            [
                ("Interviewer", "Wie war es für Sie?"),
                ("50001", "Schwer. „Niemand“ wusste Bescheid, ehrlich. Aber es wurde besser."),
                ("Interviewer", "Und jetzt?"),
                ("50001", "Gut — wirklich."),
            ],
            turns.Select(t => (t.Speaker, t.Text))
        );
    }

    [Fact]
    public void Odt_reads_paragraphs_spaces_tables_and_lists_with_deletions_notes_and_comments_left_out()
    {
        var body =
            P("Interviewer: Wie war der Anfang?")
            + $"<text:p>50001: Schwer,<text:s text:c=\"2\"/>aber<text:tab/>gut.<text:note><text:note-body>{P("A footnote")}</text:note-body></text:note>"
            + "<office:annotation><text:p>Reviewer comment</text:p></office:annotation></text:p>"
            + "<table:table><table:table-row><table:table-cell>"
            + P("Interviewer")
            + "</table:table-cell><table:table-cell>"
            + P("Und heute?")
            + "</table:table-cell></table:table-row></table:table>"
            + "<text:list><text:list-item>"
            + P("50001: Besser.")
            + "</text:list-item></text:list>";
        var tracked =
            "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
            + P("Deleted words")
            + "</text:deletion></text:changed-region></text:tracked-changes>";
        var turns = TranscriptReader.Read("interview.odt", Odt(body, tracked)).Turns;
        Assert.Equal(
            [
                ("Interviewer", "Wie war der Anfang?"),
                ("50001", "Schwer, aber gut."),
                ("Interviewer", "Und heute?"),
                ("50001", "Besser."),
            ],
            turns.Select(t => (t.Speaker, t.Text))
        );
    }

    [Fact]
    public void A_text_pdf_reads_into_turns_across_pages_without_page_numbers()
    {
        var pdf = Pdf(
            ["Interviewer: How was your first month on the ward?", "50001: At first nobody knew what I was for.", "1"],
            ["they called me a volunteer.", "Interviewer: And later?", "50001: My supervisor backed me.", "Page 2 of 2"]
        );
        var parsed = TranscriptReader.Read("interview.pdf", pdf);
        Assert.Equal(TranscriptFormat.Pdf, parsed.Format);
        Assert.Equal(
            [
                ("Interviewer", "How was your first month on the ward?"),
                ("50001", "At first nobody knew what I was for. they called me a volunteer."),
                ("Interviewer", "And later?"),
                ("50001", "My supervisor backed me."),
            ],
            parsed.Turns.Select(t => (t.Speaker, t.Text))
        );
    }
}
