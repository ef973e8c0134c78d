using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Coding;

/// <summary>What a code covers of a passage: the whole passage (no offsets) or a sub-span [Start, End).</summary>
public sealed record CodedSpan(int? Start, int? End)
{
    public static readonly CodedSpan Whole = new(null, null);
}

/// <summary>A code the pair applied to a passage differently: each coder's spans (none when they left it off) and their
/// union, the three ways a resolver may keep it.</summary>
public sealed record SpanDisagreement(
    int Segment,
    string CodeId,
    IReadOnlyList<CodedSpan> First,
    IReadOnlyList<CodedSpan> Second,
    IReadOnlyList<CodedSpan> Union
)
{
    public IReadOnlyList<CodedSpan> Kept(string keep) =>
        keep switch
        {
            Consensus.First => First,
            Consensus.Second => Second,
            _ => Union,
        };
}

/// <summary>
/// The pair's coding compared span by span, and a consensus resolved from it: where both coders covered the same
/// words with a code it stays as they coded it; where they differ (a sub-span against another, or against the whole
/// passage, or one left it off) the resolver keeps one coder's span, the other's, or their union. Sub-spans stay
/// sub-spans in the final coding.
/// </summary>
public static class Consensus
{
    public const string First = "first",
        Second = "second",
        Union = "union";
    public static readonly IReadOnlyList<string> Keeps = [First, Second, Union];

    /// <summary>What a coder's codings of one code on one passage cover: the whole passage if any coding does (or the
    /// spans reach across it), else the sub-spans merged where they overlap or touch, in order.</summary>
    public static IReadOnlyList<CodedSpan> Coverage(IEnumerable<CodingEntry> codings, int? length = null)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var c in codings)
        {
            if (c.Start is not { } start || c.End is not { } end)
                return [CodedSpan.Whole];
            if (end > start)
                spans.Add((start, end));
        }
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans.OrderBy(s => s.Start).ThenBy(s => s.End))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else
                merged.Add(s);
        }
        if (length is { } n && merged is [{ Start: <= 0 } only] && only.End >= n)
            return [CodedSpan.Whole];
        return [.. merged.Select(s => new CodedSpan(s.Start, s.End))];
    }

    /// <summary>
    /// The pair's codings set side by side per passage and code: the agreed codings (the same coverage, kept as coded)
    /// and the disagreements, ordered by passage then code.
    /// </summary>
    /// <param name="lengths">Each passage's text length: a sub-span over all of it is the whole passage.</param>
    public static (List<CodingEntry> Agreed, List<SpanDisagreement> Disagreements) Compare(
        IReadOnlyList<CodingEntry> first,
        IReadOnlyList<CodingEntry> second,
        IReadOnlyDictionary<int, int> lengths
    )
    {
        var (agreed, disagreements) = (new List<CodingEntry>(), new List<SpanDisagreement>());
        var keys = first
            .Concat(second)
            .Select(c => (c.Segment, c.CodeId))
            .Distinct()
            .OrderBy(k => k.Segment)
            .ThenBy(k => k.CodeId, StringComparer.Ordinal);
        foreach (var (segment, code) in keys)
        {
            int? length = lengths.TryGetValue(segment, out var n) ? n : null;
            var a = Coverage(first.Where(c => c.Segment == segment && c.CodeId == code), length);
            var b = Coverage(second.Where(c => c.Segment == segment && c.CodeId == code), length);
            if (a.SequenceEqual(b))
                agreed.AddRange(Entries(segment, code, a));
            else
                disagreements.Add(new(segment, code, a, b, Coverage(Entries(segment, code, [.. a, .. b]), length)));
        }
        return (agreed, disagreements);
    }

    /// <summary>
    /// The final coding: the agreed codings and, for each disagreement, the spans its choice keeps. Null with the
    /// reason when a disagreement has no choice, a choice names none or one names two ways.
    /// </summary>
    public static (List<CodingEntry>? Final, string? Problem) Resolve(
        IReadOnlyList<CodingEntry> agreed,
        IReadOnlyList<SpanDisagreement> disagreements,
        IReadOnlyList<ConsensusChoice> choices
    )
    {
        if (choices.FirstOrDefault(c => !Keeps.Contains(c.Keep)) is { } odd)
            return (null, $"Keep one coder's span ('{First}' or '{Second}') or their '{Union}', not '{odd.Keep}'.");
        var chosen = choices.Distinct().GroupBy(c => (c.Segment, c.CodeId)).ToList();
        if (chosen.FirstOrDefault(g => g.Count() > 1) is { } twice)
            return (null, $"Passage {twice.Key.Segment} has two choices for '{twice.Key.CodeId}'; keep one.");
        var byKey = chosen.ToDictionary(g => g.Key, g => g.Single().Keep);
        if (byKey.Keys.Where(k => !disagreements.Any(d => (d.Segment, d.CodeId) == k)).ToList() is [var (s, code), ..])
            return (null, $"The coders did not disagree on '{code}' in passage {s}.");
        var open = disagreements.Count(d => !byKey.ContainsKey((d.Segment, d.CodeId)));
        if (open > 0)
            return (null, $"Choose what to keep for every disagreement: {open} still open.");
        var final = agreed.Concat(
            disagreements.SelectMany(d => Entries(d.Segment, d.CodeId, d.Kept(byKey[(d.Segment, d.CodeId)])))
        );
        return (
            [.. final.OrderBy(c => c.Segment).ThenBy(c => c.CodeId, StringComparer.Ordinal).ThenBy(c => c.Start)],
            null
        );
    }

    /// <summary>Two consensus codings are the same when they cover the same words with the same codes.</summary>
    public static bool Same(IEnumerable<CodingEntry> a, IEnumerable<CodingEntry> b) => Key(a).SequenceEqual(Key(b));

    static IEnumerable<(int, string, int?, int?)> Key(IEnumerable<CodingEntry> codings) =>
        codings.Select(c => (c.Segment, c.CodeId, c.Start, c.End)).Distinct().Order();

    static IEnumerable<CodingEntry> Entries(int segment, string code, IEnumerable<CodedSpan> spans) =>
        spans.Select(s => new CodingEntry(segment, code, "consensus", s.Start, s.End));
}
