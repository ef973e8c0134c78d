using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.Core.Tests.TranslationChecks;

/// <summary>
/// Planted-fault pairs written for these tests (Fixtures/): a German and a Kiswahili interview, raw, with an English
/// translation that is faithful (<c>-clean</c>) or carries one of each fault (<c>-faulty</c>). Both sides are
/// pseudonymised with one key and book as the pipeline does, and checked with both keys. Speaker labels are translated
/// (Interviewer(in)/Teilnehmer, Mhojaji/Mshiriki → Interviewer/Participant) and must not be flagged where consistent.
/// </summary>
public sealed class PlantedPairTests
{
    /// <summary>Source turn → the kinds any one of which shows the fault planted there.</summary>
    public static readonly Dictionary<string, Dictionary<int, string[]>> Faults = new()
    {
        ["de"] = new()
        {
            [6] = ["dropped-sentence"],
            [8] = ["negation"],
            [10] = ["changed-name"],
            [12] = ["number-mismatch"],
            [14] = ["missing-turn"],
            [16] = ["changed-name"],
            [18] = ["untranslated"],
            [19] = ["speaker-mismatch"],
        },
        ["sw"] = new()
        {
            [6] = ["dropped-sentence"],
            [8] = ["negation"],
            [10] = ["changed-name"],
            [12] = ["number-mismatch"],
            [14] = ["missing-turn"],
            [18] = ["untranslated"],
            [20] = ["changed-name"],
            [21] = ["speaker-mismatch"],
        },
    };

    static readonly string[] RosterWords =
    [
        "Petra",
        "Hofstetter",
        "Jonas",
        "Albrecht",
        "Tobias",
        "Wendt",
        "Zawadi",
        "Mwakyusa",
        "Baraka",
        "Mwita",
        "Daudi",
        "Kimaro",
    ];

    static TranslationCheckResult Check(string language, string version, PlaceholderStyle style) =>
        SamplePairs.CheckRaw(
            Fixture("roster.csv"),
            Fixture($"{language}-planted.source.txt"),
            language,
            Fixture($"{language}-planted-{version}.en.txt"),
            style
        );

    static string Fixture(string file) =>
        Repo.Path("tests", "PipelineFunctions.Core.Tests", "TranslationChecks", "Fixtures", file);

    public static TheoryData<string, PlaceholderStyle> Pairs =>
        new()
        {
            { "de", PlaceholderStyle.Numbered },
            { "de", PlaceholderStyle.Typed },
            { "sw", PlaceholderStyle.Numbered },
            { "sw", PlaceholderStyle.Typed },
        };

    /// <summary>The source turn a flag is about, through the alignment where it names a translation turn only.</summary>
    static int? SourceTurnOf(TranslationCheckResult result, TranslationFlag f) =>
        f.SourceTurn ?? result.Alignment.FirstOrDefault(a => a.TranslationTurn == f.TranslationTurn)?.SourceTurn;

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_planted_fault_is_flagged_at_its_turn(string language, PlaceholderStyle style)
    {
        var result = Check(language, "faulty", style);
        var missed = Faults[language]
            .Where(fault => !result.Flags.Any(f => f.SourceTurn == fault.Key && fault.Value.Contains(f.Kind)))
            .Select(fault => $"turn {fault.Key} ({string.Join("/", fault.Value)})")
            .ToList();
        Assert.Empty(missed);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void No_clean_turn_of_a_faulty_pair_is_flagged(string language, PlaceholderStyle style)
    {
        var result = Check(language, "faulty", style);
        var onCleanTurns = result
            .Flags.Where(f => f.SourceTurn is not null || f.TranslationTurn is not null)
            .Where(f => SourceTurnOf(result, f) is not { } turn || !Faults[language].ContainsKey(turn))
            .Select(f => $"{f.Kind} at {f.SourceTurn}/{f.TranslationTurn}")
            .ToList();
        Assert.Empty(onCleanTurns);
        // The only flag about the whole pair is the turn count the missing turn changes.
        Assert.All(
            result.Flags.Where(f => f.SourceTurn is null && f.TranslationTurn is null),
            f => Assert.Equal(FlagKinds.TurnCount, f.Kind)
        );
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_faithful_translation_gets_no_flag_at_all(string language, PlaceholderStyle style) =>
        Assert.Empty(Check(language, "clean", style).Flags);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Consistently_translated_speaker_labels_are_no_mismatch(string language, PlaceholderStyle style)
    {
        var mismatches = Check(language, "faulty", style).Flags.Where(f => f.Kind == FlagKinds.SpeakerMismatch);
        // Only the one turn the faulty translation gives to the wrong speaker.
        Assert.Equal(
            [Faults[language].Single(f => f.Value.Contains(FlagKinds.SpeakerMismatch)).Key],
            mismatches.Select(f => f.SourceTurn!.Value)
        );
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Name_flags_show_placeholders_and_turns_never_an_original(string language, PlaceholderStyle style)
    {
        var names = Check(language, "faulty", style)
            .Flags.Where(f => f.Kind is FlagKinds.ChangedName or FlagKinds.PlaceholderMismatch)
            .ToList();
        Assert.Contains(names, f => f.Explanation.Contains("[PERSON"));
        Assert.All(
            Check(language, "faulty", style).Flags,
            f => Assert.DoesNotContain(RosterWords, w => f.Explanation.Contains(w, StringComparison.OrdinalIgnoreCase))
        );
    }

    [Theory]
    [InlineData("de", 8, "sentence 3")]
    [InlineData("sw", 8, "sentence 2")]
    public void The_reversed_negation_is_named_by_its_sentence_though_the_turn_keeps_another(
        string language,
        int turn,
        string sentence
    )
    {
        var negations = Check(language, "faulty", PlaceholderStyle.Numbered)
            .Flags.Where(f => f.Kind == FlagKinds.Negation && f.SourceTurn == turn)
            .ToList();
        Assert.Single(negations);
        Assert.Contains($"In {sentence} of source turn {turn}", negations[0].Explanation);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("sw")]
    public void The_dropped_sentence_is_among_those_the_flag_names(string language)
    {
        var dropped = Check(language, "faulty", PlaceholderStyle.Numbered)
            .Flags.Single(f => f.Kind == FlagKinds.DroppedSentence);
        Assert.Equal(6, dropped.SourceTurn);
        Assert.Contains("(4 sentences, 3 in the translation;", dropped.Explanation);
        Assert.Matches(@"sentence (\d+ or )*3\b", dropped.Explanation);
    }

    [Fact]
    public void Every_kind_a_check_writes_has_plain_words_for_the_page()
    {
        var kinds = new[] { "de", "sw" }
            .SelectMany(l => Check(l, "faulty", PlaceholderStyle.Numbered).Flags)
            .Select(f => f.Kind)
            .Distinct()
            .ToList();
        Assert.All(kinds, k => Assert.NotEqual(k, FlagKinds.Label(k)));
        Assert.Equal("Sentence missing in the translation", FlagKinds.Label(FlagKinds.DroppedSentence));
        Assert.Equal("an-older-kind", FlagKinds.Label("an-older-kind"));
    }
}
