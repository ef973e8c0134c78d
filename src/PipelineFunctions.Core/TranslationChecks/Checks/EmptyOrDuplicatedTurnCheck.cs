namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>Empty turns on either side, and a translation turn that repeats the one before it word for word.</summary>
public sealed class EmptyOrDuplicatedTurnCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        foreach (var s in pair.Source.Where(t => t.Text.Trim().Length == 0))
            yield return new(FlagKinds.EmptyTurn, Severity.Medium, s.Index, null, $"Source turn {s.Index} is empty.");
        foreach (var t in pair.Translation.Where(t => t.Text.Trim().Length == 0))
            yield return new(
                FlagKinds.EmptyTurn,
                Severity.Medium,
                null,
                t.Index,
                $"Translation turn {t.Index} is empty."
            );
        for (var i = 1; i < pair.Translation.Count; i++)
            if (
                pair.Translation[i].Text.Trim().Length > 0
                && string.Equals(
                    pair.Translation[i].Text.Trim(),
                    pair.Translation[i - 1].Text.Trim(),
                    StringComparison.OrdinalIgnoreCase
                )
            )
                yield return new(
                    FlagKinds.DuplicatedTurn,
                    Severity.Medium,
                    null,
                    pair.Translation[i].Index,
                    $"Translation turn {pair.Translation[i].Index} repeats turn {pair.Translation[i - 1].Index}."
                );
    }
}
