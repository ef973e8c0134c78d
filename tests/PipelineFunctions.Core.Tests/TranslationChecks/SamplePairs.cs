using System.Text;
using PipelineFunctions.Core.Pseudonymisation;
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

    /// <summary>
    /// A raw pair pseudonymised as the pipeline does it (one key and book for both sides), checked with both keys, or
    /// without them.
    /// </summary>
    public static TranslationCheckResult CheckRaw(
        string roster,
        string source,
        string language,
        string translation,
        PlaceholderStyle style,
        bool withKeys = true
    )
    {
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], RosterCsv.Parse(File.ReadAllText(roster)), Style: style),
            new PseudonymBook()
        );
        var s = pseudonymiser.Pseudonymise(Read(source), language);
        var t = pseudonymiser.Pseudonymise(Read(translation), "en");
        return Checker.Check(
            s.Turns,
            language,
            t.Turns,
            "en",
            withKeys ? new PairKeys(s.Replacements, t.Replacements) : null
        );
    }

    static IReadOnlyList<SpeakerTurn> Read(string path) =>
        TranscriptReader.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Turns;
}
