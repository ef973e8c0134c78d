using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

public sealed class PlantedFaultTests
{
    [Theory]
    [InlineData("sw-clean", "sw")]
    [InlineData("de-clean", "de")]
    public void Clean_pairs_get_no_high_severity_flag(string name, string language)
    {
        var result = SamplePairs.Check(name, language);
        Assert.DoesNotContain(result.Flags, f => f.Severity == Severity.High);
        Assert.All(result.Alignment, a => Assert.Equal(a.SourceTurn, a.TranslationTurn));
    }

    [Fact]
    public void Every_planted_fault_in_the_kiswahili_pair_is_flagged_at_its_turn()
    {
        var flags = SamplePairs.Check("sw-faulty", "sw").Flags;
        Assert.Contains(
            flags,
            f => f is { Kind: "number-mismatch", Severity: Severity.High, SourceTurn: 6, TranslationTurn: 6 }
        );
        Assert.Contains(flags, f => f is { Kind: "untranslated", Severity: Severity.High, TranslationTurn: 8 });
        Assert.Contains(
            flags,
            f => f is { Kind: "missing-turn", Severity: Severity.High, SourceTurn: 10, TranslationTurn: null }
        );
        // After the missing turn the rest still line up: source 12 with translation 11.
        Assert.Contains(
            flags,
            f => f is { Kind: "placeholder-mismatch", Severity: Severity.High, SourceTurn: 12, TranslationTurn: 11 }
        );
    }

    [Fact]
    public void Every_planted_fault_in_the_german_pair_is_flagged_at_its_turn()
    {
        var flags = SamplePairs.Check("de-faulty", "de").Flags;
        Assert.Contains(
            flags,
            f => f is { Kind: "number-mismatch", Severity: Severity.High, SourceTurn: 2, TranslationTurn: 2 }
        );
        Assert.Contains(flags, f => f is { Kind: "untranslated", Severity: Severity.High, TranslationTurn: 6 });
        Assert.Contains(flags, f => f is { Kind: "missing-turn", Severity: Severity.High, SourceTurn: 8 });
        Assert.Contains(
            flags,
            f => f is { Kind: "placeholder-mismatch", Severity: Severity.High, SourceTurn: 10, TranslationTurn: 9 }
        );
        Assert.Equal(4, flags.Count(f => f.Severity == Severity.High));
    }
}
