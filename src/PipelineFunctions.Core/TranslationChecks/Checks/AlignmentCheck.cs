namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// Turns without a partner (missing, extra, or two merged into one), speakers that differ from the pair's own mapping of
/// labels (a consistent Teilnehmerin ↔ Participant is no mismatch), timestamps that drift.
/// </summary>
public sealed class AlignmentCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        var alignment = pair.Alignment;
        for (var k = 0; k < alignment.Count; k++)
        {
            var a = alignment[k];
            if (a.TranslationTurn is null)
            {
                var source = pair.SourceTurn(a.SourceTurn)!;
                var neighbour = Neighbour(pair, k);
                if (neighbour is { } merged && LooksMerged(pair, a.SourceTurn!.Value, merged))
                    yield return new(
                        FlagKinds.MergedTurns,
                        Severity.Medium,
                        a.SourceTurn,
                        merged.TranslationTurn,
                        $"Source turn {a.SourceTurn} ({source.Speaker}) seems merged into translation turn {merged.TranslationTurn}."
                    );
                else
                    yield return new(
                        FlagKinds.MissingTurn,
                        Severity.High,
                        a.SourceTurn,
                        null,
                        $"Source turn {a.SourceTurn} ({source.Speaker}, {TranslationPair.Words(source.Text)} words) has no translation."
                    );
            }
            else if (a.SourceTurn is null)
            {
                var extra = pair.TranslationTurn(a.TranslationTurn)!;
                yield return new(
                    FlagKinds.ExtraTurn,
                    Severity.Medium,
                    null,
                    a.TranslationTurn,
                    $"Translation turn {a.TranslationTurn} ({extra.Speaker}) has no source turn."
                );
            }
            else
            {
                var (s, t) = (pair.SourceTurn(a.SourceTurn)!, pair.TranslationTurn(a.TranslationTurn)!);
                if (!pair.SameSpeaker(s.Speaker, t.Speaker))
                    yield return new(
                        FlagKinds.SpeakerMismatch,
                        Severity.Medium,
                        s.Index,
                        t.Index,
                        SpeakerExplanation(pair, s.Speaker, t.Speaker)
                    );
                if (s.Start is { } x && t.Start is { } y && Math.Abs((x - y).TotalSeconds) > 5)
                    yield return new(
                        FlagKinds.TimestampMismatch,
                        Severity.Low,
                        s.Index,
                        t.Index,
                        $"The turn starts at {x:hh\\:mm\\:ss} in the source but {y:hh\\:mm\\:ss} in the translation."
                    );
            }
        }
        if (pair.Source.Count != pair.Translation.Count)
            yield return new(
                FlagKinds.TurnCount,
                Severity.Low,
                null,
                null,
                $"The source has {pair.Source.Count} turns, the translation {pair.Translation.Count}."
            );
    }

    /// <summary>Labels translated consistently elsewhere (Teilnehmerin → Participant) are named, so the lead sees the departure.</summary>
    static string SpeakerExplanation(TranslationPair pair, string source, string translation) =>
        pair.Speakers?.Labels.TryGetValue(source.Trim(), out var usual) == true
            ? $"The speaker is {source} in the source, elsewhere translated {usual}, but {translation} here."
            : $"The speaker is {source} in the source but {translation} in the translation.";

    static AlignedTurn? Neighbour(TranslationPair pair, int k)
    {
        foreach (var j in new[] { k - 1, k + 1 })
            if (
                j >= 0
                && j < pair.Alignment.Count
                && pair.Alignment[j] is { SourceTurn: not null, TranslationTurn: not null } n
            )
                return n;
        return null;
    }

    /// <summary>Merged: same speaker, and the partner translation is about as long as both source turns together would be.</summary>
    static bool LooksMerged(TranslationPair pair, int lonely, AlignedTurn neighbour)
    {
        var s = pair.SourceTurn(lonely)!;
        var ns = pair.SourceTurn(neighbour.SourceTurn)!;
        var t = pair.TranslationTurn(neighbour.TranslationTurn)!;
        if (!pair.SameSpeaker(s.Speaker, t.Speaker))
            return false;
        var ratio = (double)pair.Translation.Sum(x => x.Text.Length) / Math.Max(1, pair.Source.Sum(x => x.Text.Length));
        var alone = Math.Abs(Math.Log(t.Text.Length / (ratio * Math.Max(1, ns.Text.Length))));
        var together = Math.Abs(Math.Log(t.Text.Length / (ratio * Math.Max(1, ns.Text.Length + s.Text.Length))));
        return together < alone;
    }
}
