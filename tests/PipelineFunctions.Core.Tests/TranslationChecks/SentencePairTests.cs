using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

/// <summary>
/// The raw German and Kiswahili `-sentences` pairs (samples/translation-pairs), pseudonymised with one key and book as
/// the pipeline does, checked with both keys: faults the turn-level checks miss — a negation reversed in a turn that
/// keeps another, a sentence dropped inside a turn that keeps the others, a name changed where the
/// placeholders line up, a name on one side only.
/// </summary>
public sealed class SentencePairTests
{
    static readonly string[] RosterWords =
    [
        "Katharina",
        "Brunnhuber",
        "Sabine",
        "Oberhuber",
        "Markus",
        "Feld",
        "Rehema",
        "Mushi",
        "Neema",
        "Kweka",
        "Juma",
        "Mrisho",
    ];

    static TranslationCheckResult Check(
        string language,
        string version,
        PlaceholderStyle style,
        bool withKeys = true
    ) =>
        SamplePairs.CheckRaw(
            Repo.Path("samples", "translation-pairs", "sentences-roster.csv"),
            Repo.Path("samples", "translation-pairs", $"{language}-sentences.source.txt"),
            language,
            Repo.Path("samples", "translation-pairs", $"{language}-sentences-{version}.en.txt"),
            style,
            withKeys
        );

    [Theory]
    [InlineData("de", PlaceholderStyle.Numbered)]
    [InlineData("de", PlaceholderStyle.Typed)]
    [InlineData("sw", PlaceholderStyle.Numbered)]
    [InlineData("sw", PlaceholderStyle.Quote)]
    public void A_clean_pair_with_translated_labels_gets_no_flag_at_all(string language, PlaceholderStyle style) =>
        Assert.Empty(Check(language, "clean", style).Flags);

    [Theory]
    [InlineData("de", PlaceholderStyle.Numbered)]
    [InlineData("de", PlaceholderStyle.Typed)]
    [InlineData("sw", PlaceholderStyle.Numbered)]
    [InlineData("sw", PlaceholderStyle.Quote)]
    public void Every_planted_fault_is_flagged_at_its_turn_and_nothing_else(string language, PlaceholderStyle style)
    {
        var flags = Check(language, "faulty", style).Flags;
        // Turn 2 keeps "nobody"/"sikumjua" in sentence 2; sentence 3 lost its negation.
        Assert.Contains(flags, f => f is { Kind: "negation", SourceTurn: 2 } && f.Explanation.Contains("sentence 3"));
        Assert.Contains(
            flags,
            f => f is { Kind: "changed-name", Severity: Severity.High, SourceTurn: 4, TranslationTurn: 4 }
        );
        // The afternoon sentence is dropped; the turn keeps the other three.
        Assert.Contains(
            flags,
            f =>
                f is { Kind: "dropped-sentence", SourceTurn: 6 }
                && f.Explanation.Contains("(4 sentences, 3 in the translation;")
        );
        Assert.Contains(flags, f => f is { Kind: "changed-name", Severity: Severity.Medium, SourceTurn: 8 });
        // No flag on the clean turns (10 and 12 are negated in every sentence, on both sides), none on the labels.
        Assert.All(flags, f => Assert.Contains(f.SourceTurn, new int?[] { 2, 4, 6, 8 }));
        Assert.DoesNotContain(flags, f => f.Kind == "speaker-mismatch");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("sw")]
    public void A_changed_name_is_reported_without_any_original(string language)
    {
        foreach (var style in new[] { PlaceholderStyle.Numbered, PlaceholderStyle.Typed })
            Assert.All(
                Check(language, "faulty", style).Flags,
                f =>
                    Assert.DoesNotContain(
                        RosterWords,
                        w => f.Explanation.Contains(w, StringComparison.OrdinalIgnoreCase)
                    )
            );
    }

    [Fact]
    public void Where_typed_placeholders_line_up_only_the_key_shows_the_changed_name()
    {
        Assert.DoesNotContain(
            Check("de", "faulty", PlaceholderStyle.Typed, withKeys: false).Flags,
            f => f.SourceTurn == 4
        );
        Assert.Contains(
            Check("de", "faulty", PlaceholderStyle.Typed).Flags,
            f => f is { Kind: "changed-name", SourceTurn: 4 }
        );
    }
}
