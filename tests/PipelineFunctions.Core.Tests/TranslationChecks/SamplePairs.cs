using System.Text;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

static class SamplePairs
{
    /// <summary>One checker for the whole test run: building the detector is the slow part, as in the app.</summary>
    public static readonly TranslationChecker Checker = new(["sw", "de", "lg", "he"]);

    public static IReadOnlyList<SpeakerTurn> Load(string file) =>
        TranscriptReader.Read(file, File.ReadAllBytes(Repo.Path("samples", "translation-pairs", file))).Turns;

    public static TranslationCheckResult Check(string name, string language) =>
        Checker.Check(Load($"{name}.source.txt"), language, Load($"{name}.en.txt"), "en");

    public static IReadOnlyList<SpeakerTurn> Turns(params string[] lines) =>
        TranscriptReader.Read("t.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")).Turns;
}
