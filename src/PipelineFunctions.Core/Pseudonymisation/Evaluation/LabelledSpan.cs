namespace PipelineFunctions.Core.Pseudonymisation.Evaluation;

/// <summary>A span of a synthetic text with its true category; <c>not-an-id</c> spans must be left alone.</summary>
public sealed record LabelledSpan(int Start, int Length, string Category);

public sealed record LabelledText(string Text, IReadOnlyList<LabelledSpan> Spans);
