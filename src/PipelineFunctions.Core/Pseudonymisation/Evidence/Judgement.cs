namespace PipelineFunctions.Core.Pseudonymisation.Evidence;

/// <summary>What the scorer made of a candidate span.</summary>
public enum SpanDecision
{
    Replace,
    Keep,
    Unsure,
}

/// <summary>A decision and its reason: a short category ("public:country", "person-cue", "ordinary-word"), never the text.</summary>
public readonly record struct Judgement(SpanDecision Decision, string Reason)
{
    public static Judgement Replace(string reason) => new(SpanDecision.Replace, reason);

    public static Judgement Keep(string reason) => new(SpanDecision.Keep, reason);

    public static Judgement Unsure(string reason) => new(SpanDecision.Unsure, reason);
}
