using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Tests;

public sealed class WorkerErrorOutputTests
{
    [Theory]
    [InlineData(
        "Unhandled exception. System.InvalidOperationException: Participant Jane said …",
        "Unhandled exception. System.InvalidOperationException (message withheld)"
    )]
    [InlineData(" ---> System.FormatException: bad 'Jane'", " ---> System.FormatException (message withheld)")]
    [InlineData(
        "   at SampleWorker.Work.Run(String message) in /src/Work.cs:line 12",
        "   at SampleWorker.Work.Run(String message) in /src/Work.cs:line 12"
    )]
    [InlineData(
        "--- End of stack trace from previous location ---",
        "--- End of stack trace from previous location ---"
    )]
    [InlineData("Jane told me about her diagnosis", "(worker error output withheld)")]
    public void A_crash_dump_keeps_types_and_frames_only(string line, string shown) =>
        Assert.Equal(shown, WorkerErrorOutput.Redact(line));
}
