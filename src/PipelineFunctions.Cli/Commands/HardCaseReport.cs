using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Evaluation;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// The hand-written hard cases per kind: leaked identifiers and lost must-keep words, for the dev part, the held-out
/// part (never tuned on), all, and the fresh cases written after tuning. Details name the words, so they are shown only on request (the cases are invented).
/// </summary>
static class HardCaseReport
{
    public static async Task WriteAsync(TextWriter stdout, string? details)
    {
        var pseudonymiser = new TranscriptPseudonymiser(
            new StudyPseudonymisation(new byte[32], HardCases.Roster),
            new PseudonymBook()
        );
        var results = HardCaseScore.Run(HardCases.All, pseudonymiser);
        var fresh = HardCaseScore.Run(HardCases.Fresh, pseudonymiser);
        foreach (
            var (part, chosen) in new[]
            {
                ("dev", results.Where(r => !r.Case.HeldOut)),
                ("held-out", results.Where(r => r.Case.HeldOut)),
                ("all", results),
                ("fresh, written after tuning", fresh),
            }
        )
        {
            var list = chosen.ToList();
            await stdout.WriteLineAsync(
                $"hard cases, {part} ({list.Count} cases): kind, leaked / must go (not unsure), lost / must keep, other words replaced, unsure spans per 100 words"
            );
            var byKind = HardCaseScore.ByKind(list);
            foreach (
                var (kind, s) in byKind
                    .OrderBy(k => k.Key, StringComparer.Ordinal)
                    .Append(new("total", byKind.Values.Aggregate(HardKindScore.Zero, (a, b) => a + b)))
            )
                await stdout.WriteLineAsync(
                    $"  {kind, -11} leaked {s.Leaked, 3} / {s.MustGo, 3} ({s.LeakedNotUnsure, 2})   lost {s.Lost, 3} / {s.MustKeep, 3} = {s.LostShare, 6:P1}   other {s.OtherReplaced, 3} / {s.OtherWords, 4}   unsure {s.UnsurePer100Words, 4:F1}"
                );
        }
        if (details is null)
            return;
        foreach (
            var r in (details == "fresh" ? fresh : results.Where(r => r.Case.HeldOut == (details == "held-out"))).Where(
                r => r.Leaks.Count > 0 || r.Losses.Count > 0 || r.OtherReplaced.Count > 0 || r.Unsure.Count > 0
            )
        )
            await stdout.WriteLineAsync(
                $"  #{r.Case.Number} {r.Case.Kind}: leaked [{string.Join(" | ", r.Leaks)}] lost [{string.Join(" | ", r.Losses)}] other [{string.Join(" | ", r.OtherReplaced)}] unsure [{string.Join(" | ", r.Unsure)}]"
            );
    }
}
