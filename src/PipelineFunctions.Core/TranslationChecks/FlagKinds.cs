namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// The kinds of translation flag: the stored name each check writes, and what the lead's page calls it in plain words
/// (stored flags keep the name, so a reworded label changes no saved check).
/// </summary>
public static class FlagKinds
{
    public const string MissingTurn = "missing-turn",
        ExtraTurn = "extra-turn",
        MergedTurns = "merged-turns",
        SpeakerMismatch = "speaker-mismatch",
        TimestampMismatch = "timestamp-mismatch",
        TurnCount = "turn-count",
        PlaceholderMismatch = "placeholder-mismatch",
        NumberMismatch = "number-mismatch",
        LengthRatio = "length-ratio",
        EmptyTurn = "empty-turn",
        DuplicatedTurn = "duplicated-turn",
        Negation = "negation",
        DroppedSentence = "dropped-sentence",
        ChangedName = "changed-name",
        Untranslated = "untranslated",
        EnglishInSource = "english-in-source";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [MissingTurn] = "Turn not translated",
        [ExtraTurn] = "Turn with no source",
        [MergedTurns] = "Turns run together",
        [SpeakerMismatch] = "Different speaker",
        [TimestampMismatch] = "Times differ",
        [TurnCount] = "Number of turns differs",
        [PlaceholderMismatch] = "Pseudonyms differ",
        [NumberMismatch] = "Numbers differ",
        [LengthRatio] = "Unusual length",
        [EmptyTurn] = "Empty turn",
        [DuplicatedTurn] = "Turn repeated",
        [Negation] = "Negation on one side only",
        [DroppedSentence] = "Sentence missing in the translation",
        [ChangedName] = "Name changed or left out",
        [Untranslated] = "Left untranslated",
        [EnglishInSource] = "English in the source",
    };

    /// <summary>The plain words for a kind; a kind this version does not know (an older check's) reads as itself.</summary>
    public static string Label(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;
}
