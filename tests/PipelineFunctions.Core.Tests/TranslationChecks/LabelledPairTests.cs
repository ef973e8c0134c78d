using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

/// <summary>
/// The raw German and Kiswahili pairs whose speaker labels are translated (Teilnehmerin → Participant, Mshiriki →
/// Participant), pseudonymised as check-translation does (one key, one book), with and without planted faults.
/// </summary>
public sealed class LabelledPairTests
{
    static TranslationCheckResult Check(string language, string version)
    {
        var roster = RosterCsv.Parse(File.ReadAllText(Repo.Path("samples", "translation-pairs", "labels-roster.csv")));
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], roster),
            new PseudonymBook()
        );
        var source = pseudonymiser.Pseudonymise(SamplePairs.Load($"{language}-labels.source.txt"), language).Turns;
        var translation = pseudonymiser
            .Pseudonymise(SamplePairs.Load($"{language}-labels-{version}.en.txt"), "en")
            .Turns;
        return SamplePairs.Checker.Check(source, language, translation, "en");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("sw")]
    public void A_consistently_translated_pair_gets_no_flag_at_all(string language) =>
        Assert.Empty(Check(language, "clean").Flags);

    [Theory]
    [InlineData("de")]
    [InlineData("sw")]
    public void Every_planted_fault_is_flagged_at_its_turn(string language)
    {
        var flags = Check(language, "faulty").Flags;
        Assert.Contains(flags, f => f is { Kind: "speaker-mismatch", SourceTurn: 2 });
        Assert.Contains(flags, f => f is { Kind: "number-mismatch", Severity: Severity.High, SourceTurn: 4 });
        Assert.Contains(flags, f => f is { Kind: "negation", Severity: Severity.Low, SourceTurn: 6 });
        Assert.Contains(flags, f => f is { Kind: "dropped-sentence", SourceTurn: 8 });
        Assert.Contains(flags, f => f is { Kind: "untranslated", Severity: Severity.High, TranslationTurn: 10 });
        Assert.Contains(flags, f => f is { Kind: "placeholder-mismatch", Severity: Severity.High, SourceTurn: 12 });
        Assert.Contains(flags, f => f is { Kind: "missing-turn", Severity: Severity.High, SourceTurn: 13 });
        Assert.Contains(flags, f => f is { Kind: "number-mismatch", Severity: Severity.Medium, SourceTurn: 14 });
        // The one inconsistent label is the only speaker flag: the pair's own Teilnehmerin/Mshiriki → Participant is no fault.
        Assert.Single(flags, f => f.Kind == "speaker-mismatch");
    }

    [Theory]
    [InlineData("Ich war drei Wochen und zweiundzwanzig Tage da.", "de", new double[] { 3, 22 })]
    [InlineData("Nilikaa miezi kumi na mbili, wiki tatu.", "sw", new double[] { 12, 3 })]
    [InlineData("Twenty-two people, three hundred sessions, 5 nurses and one boss.", "en", new double[] { 5, 22, 300 })]
    public void Numbers_written_as_words_are_read(string text, string language, double[] expected) =>
        Assert.Equal(expected.Order(), NumberWords.All(text, language).Order());
}
