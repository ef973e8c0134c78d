using PipelineFunctions.Core.Pseudonymisation.Evaluation;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// A written case set per kind: leaked must-go strings (and those no unsure span flagged), lost must-stay strings,
/// unsure spans per 100 words. Details name the strings, so they are shown only on request (for a development set).
/// </summary>
static class CaseSetReport
{
    public static async Task WriteAsync(TextWriter stdout, string jsonl, string? kind, bool details)
    {
        var key = new byte[32];
        var results = CaseSet
            .Parse(jsonl)
            .Where(c => kind is null || c.Kind == kind)
            .AsParallel()
            .AsOrdered()
            .Select(c => CaseSetScore.Run(c, key))
            .ToList();
        await stdout.WriteLineAsync(
            $"{results.Count} cases: kind, leaked / must go (not unsure), lost / must stay, unsure spans per 100 words"
        );
        var byKind = results
            .GroupBy(r => r.Case.Kind)
            .Select(g => (g.Key, g.Aggregate(CaseKindScore.Zero, (a, r) => a + r.Score)))
            .OrderBy(k => k.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (name, s) in byKind.Append(("total", byKind.Aggregate(CaseKindScore.Zero, (a, k) => a + k.Item2))))
            await stdout.WriteLineAsync(
                $"  {name, -20} leaked {s.Leaked, 3} / {s.Go, 3} = {s.LeakedShare, 6:P1} ({s.LeakedNotUnsure, 2})   lost {s.Lost, 3} / {s.Stay, 4} = {s.LostShare, 6:P1}   unsure {s.UnsurePer100Words, 4:F2}"
            );
        if (!details)
            return;
        // Why spans were left unsure, and whether they were must-go, must-stay or other words.
        foreach (
            var g in results
                .SelectMany(r => r.Unsure)
                .Select(u => u.Split('\t'))
                .GroupBy(u => u[0])
                .OrderByDescending(g => g.Count())
        )
            await stdout.WriteLineAsync(
                $"  unsure {g.Key, -36} go {g.Count(u => u[1] == "go"), 3}  stay {g.Count(u => u[1] == "stay"), 3}  other {g.Count(u => u[1] == "other"), 3}"
            );
        foreach (var r in results)
        foreach (var u in r.Unsure)
            await stdout.WriteLineAsync($"  {r.Case.Id} unsure {u}");
        foreach (var r in results.Where(r => r.Leaks.Count > 0 || r.Losses.Count > 0))
            await stdout.WriteLineAsync(
                $"  {r.Case.Id} {r.Case.Kind}: leaked [{string.Join(" | ", r.Leaks)}] lost [{string.Join(" | ", r.Losses)}]"
            );
    }
}
