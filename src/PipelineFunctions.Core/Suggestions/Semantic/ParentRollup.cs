namespace PipelineFunctions.Core.Suggestions.Semantic;

/// <summary>
/// A parent code leads the list when the two likeliest codes are its children and neither is clearly ahead: the
/// coder then gets the code that is surely right, and the children to choose between, instead of a coin toss.
/// </summary>
public static class ParentRollup
{
    /// <summary>The runner-up within this share of the leader counts as a tie; the leader under <see cref="Unsure"/> as unsure.</summary>
    public const double Tie = 0.6,
        Unsure = 0.6;

    public sealed record Ranked(string CodeId, string Name, double Confidence, string? Reason = null);

    public static IReadOnlyList<Ranked> Apply(
        IReadOnlyList<(string CodeId, double Confidence)> leaves,
        CodeProfiles codes,
        int top
    )
    {
        var names = codes.Leaves.Concat(codes.Parents).ToDictionary(c => c.Id, c => c, StringComparer.Ordinal);
        var list = leaves.Select(l => new Ranked(l.CodeId, names[l.CodeId].Name, l.Confidence)).ToList();
        if (
            leaves.Count >= 2
            && names[leaves[0].CodeId].Parent is { } parent
            && parent == names[leaves[1].CodeId].Parent
            && leaves[0].Confidence < Unsure
            && leaves[1].Confidence >= Tie * leaves[0].Confidence
            && names.ContainsKey(parent)
        )
        {
            var share = leaves.Where(l => names[l.CodeId].Parent == parent).Sum(l => l.Confidence);
            list.Insert(
                0,
                new Ranked(
                    parent,
                    names[parent].Name,
                    Math.Min(0.999, share),
                    $"its codes {names[leaves[0].CodeId].Name} ({leaves[0].Confidence:P0}) and {names[leaves[1].CodeId].Name} ({leaves[1].Confidence:P0}) are too close to call"
                )
            );
        }
        return list.Take(top).ToList();
    }
}
