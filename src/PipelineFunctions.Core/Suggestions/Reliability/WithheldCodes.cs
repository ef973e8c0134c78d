namespace PipelineFunctions.Core.Suggestions.Reliability;

/// <summary>
/// Keeps the codes the engine is guessing at off a passage's list: the passage's reason names each code withheld with
/// its figures, so the coder knows it was considered and why it is not offered. The withheld codes are returned too,
/// so they can be recorded (the engine's opinion still counts towards its agreement, and a code can recover).
/// </summary>
public static class WithheldCodes
{
    public sealed record Result(UnitSuggestions Shown, IReadOnlyList<CodeSuggestion> Withheld);

    public static Result Apply(UnitSuggestions unit, IReadOnlyDictionary<string, CodeReliability> reliability)
    {
        var withheld = unit
            .Suggestions.Where(s =>
                reliability.TryGetValue(s.CodeId, out var r) && r.Level == ReliabilityLevel.Guessing
            )
            .ToList();
        if (withheld.Count == 0)
            return new Result(unit, []);
        var why = string.Join(
            "; ",
            withheld.Select(s => $"{s.CodeName} not suggested: the engine is {reliability[s.CodeId].Summary}")
        );
        var kept = unit.Suggestions.Except(withheld).ToList();
        return new Result(
            kept.Count == 0
                ? unit with
                {
                    Suggestions = [],
                    Abstained = why,
                }
                : unit with
                {
                    Suggestions = [.. kept.Select((s, i) => i == 0 ? s with { Evidence = [.. s.Evidence, why] } : s)],
                },
            withheld
        );
    }
}
