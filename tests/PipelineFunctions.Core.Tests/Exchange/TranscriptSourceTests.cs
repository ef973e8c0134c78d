using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Tests.Exchange;

public sealed class TranscriptSourceTests
{
    static readonly SpeakerTurn[] Turns =
    [
        new(1, "Interviewer", "How was the training?"),
        new(2, "P1", "It gave me skills. The nurses still exclude us."),
        new(3, "Interviewer", "Why?"),
    ];

    [Fact]
    public void A_turn_and_a_sub_span_select_exactly_their_words()
    {
        var source = TranscriptSource.Build("g", "t", Turns);
        Assert.Equal(
            "Interviewer: How was the training?\nP1: It gave me skills. The nurses still exclude us.\nInterviewer: Why?\n",
            source.PlainText
        );
        var (s, e) = TranscriptSource.Offsets(source, 2)!.Value;
        Assert.Equal(Turns[1].Text, source.Passage(s, e));
        var (ss, se) = TranscriptSource.Offsets(source, 2, 19, 46)!.Value;
        Assert.Equal("The nurses still exclude us", source.Passage(ss, se));
        Assert.Equal("P1", source.SpeakerAt(ss));
        Assert.Null(TranscriptSource.Offsets(source, 9));
    }

    [Fact]
    public void An_imported_passage_finds_its_turn_and_span()
    {
        Assert.Equal(
            (2, null, null),
            TranscriptSource.Locate(Turns, "It gave me skills. The nurses still exclude us.")
        );
        Assert.Equal(
            (2, null, null),
            TranscriptSource.Locate(Turns, "P1: It gave me skills. The nurses still exclude us.")
        );
        Assert.Equal((2, 19, 46), TranscriptSource.Locate(Turns, "The nurses  still\nexclude us"));
        Assert.Equal((3, null, null), TranscriptSource.Locate(Turns, "Why?\nInterviewer: Something that is not there"));
        Assert.Null(TranscriptSource.Locate(Turns, "Words nobody said"));
        Assert.Null(TranscriptSource.Locate(Turns, " \n "));
    }

    [Fact]
    public void Turns_written_out_and_located_again_round_trip()
    {
        var source = TranscriptSource.Build("g", "t", Turns);
        foreach (var turn in Turns)
        {
            var (s, e) = TranscriptSource.Offsets(source, turn.Index)!.Value;
            Assert.Equal((turn.Index, null, null), TranscriptSource.Locate(Turns, source.Passage(s, e)));
        }
    }
}
