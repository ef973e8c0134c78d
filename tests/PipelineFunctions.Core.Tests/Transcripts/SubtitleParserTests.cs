using System.Text;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Transcripts;

public sealed class SubtitleParserTests
{
    [Fact]
    public void WebVtt_voices_make_turns_and_one_voice_across_cues_is_one_turn()
    {
        const string vtt =
            "WEBVTT\n\nNOTE recorded at the site\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>How did it <i>start</i>?</v>\n\n"
            + "00:00:04.500 --> 00:00:08.000\n<v.loud P2>It started &amp; went on.\n\n00:00:08.000 --> 00:00:10.250\n<v.loud P2>Then it stopped.\n\n"
            + "01:02.000 --> 01:05.000\nInterviewer: Thanks.\n";
        var t = TranscriptReader.Read("fg.vtt", Encoding.UTF8.GetBytes(vtt));
        Assert.Equal(TranscriptFormat.WebVtt, t.Format);
        Assert.Equal(
            [
                ("Interviewer", "How did it start?"),
                ("P2", "It started & went on. Then it stopped."),
                ("Interviewer", "Thanks."),
            ],
            t.Turns.Select(x => (x.Speaker, x.Text))
        );
        Assert.Equal(
            (TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(10.25)),
            (t.Turns[1].Start!.Value, t.Turns[1].End!.Value)
        );
        Assert.Equal(TimeSpan.FromSeconds(62), t.Turns[2].Start);
    }

    [Fact]
    public void Srt_speakers_come_from_prefixes_or_brackets()
    {
        const string srt =
            "1\r\n00:00:01,000 --> 00:00:02,000\r\nInterviewer: Hello.\r\n\r\n2\r\n00:00:02,500 --> 00:00:05,000\r\n[P4] Hi there,\r\nhow are you?\r\n\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\nno speaker here\r\n";
        var t = TranscriptReader.Read("i.srt", Encoding.UTF8.GetBytes(srt));
        Assert.Equal(
            [("Interviewer", "Hello."), ("P4", "Hi there, how are you?"), ("Unknown", "no speaker here")],
            t.Turns.Select(x => (x.Speaker, x.Text))
        );
    }

    [Fact]
    public void A_vtt_without_its_header_is_rejected()
    {
        var e = Assert.Throws<TranscriptRejectedException>(() =>
            TranscriptReader.Read("x.vtt", Encoding.UTF8.GetBytes("00:00:01.000 --> 00:00:02.000\nhi\n"))
        );
        Assert.Equal(RejectionReason.CorruptDocument, e.Reason);
    }
}
