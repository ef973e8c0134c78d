namespace PipelineFunctions.Core.Suggestions;

/// <summary>What a coder did with a code on a passage; every kind teaches the engine something.</summary>
public enum CodingDecisionKind
{
    /// <summary>A suggested code kept: the passage is an example of it.</summary>
    Accepted,

    /// <summary>A code the coder put on that was not suggested (or from a coding made by hand): an example of it.</summary>
    Added,

    /// <summary>A suggested code replaced by another: an example of the new one and a counter-example of <see cref="CodingDecision.ReplacedCodeId"/>.</summary>
    Changed,

    /// <summary>A suggested code turned down: a counter-example of it.</summary>
    Rejected,
}

/// <param name="Text">The coded passage as the coder saw it (pseudonymised).</param>
/// <param name="CodeId">The code accepted, added, changed to, or rejected.</param>
/// <param name="ReplacedCodeId">For <see cref="CodingDecisionKind.Changed"/>: the suggested code the coder replaced.</param>
public sealed record CodingDecision(string Text, string CodeId, CodingDecisionKind Kind, string? ReplacedCodeId = null)
{
    public static CodingDecision From(LabelledExample example) =>
        new(example.Text, example.CodeId, CodingDecisionKind.Added);

    /// <summary>
    /// A coding as the review page records it: origin <c>suggested</c> (accepted), <c>changed</c> or <c>added</c>
    /// (anything else counts as added: the coder put the code on).
    /// </summary>
    public static CodingDecision ForOrigin(string text, string codeId, string origin, string? replacedCodeId = null) =>
        origin switch
        {
            "suggested" => new(text, codeId, CodingDecisionKind.Accepted),
            "changed" => new(text, codeId, CodingDecisionKind.Changed, replacedCodeId),
            _ => new(text, codeId, CodingDecisionKind.Added),
        };

    /// <summary>As training rows: (code, +1) for a passage that has the code, (code, -1) for one that has not.</summary>
    public IEnumerable<(string CodeId, bool Positive)> Targets()
    {
        if (Kind == CodingDecisionKind.Rejected)
        {
            yield return (CodeId, false);
            yield break;
        }
        yield return (CodeId, true);
        if (Kind == CodingDecisionKind.Changed && ReplacedCodeId is { } old && old != CodeId)
            yield return (old, false);
    }
}
