namespace PipelineFunctions.Core.Exchange;

/// <summary>A named group of sources and codes (the study's sites as sets of transcripts, or a tool's own sets).</summary>
/// <param name="Passages">The passages the set holds (a saved search's hits). REFI-QDA sets name sources, codes and
/// notes, not selections: the writer gives such a set a note of its own (its <c>MemberNote</c>, the description as its
/// text) referred to from each passage's <c>PlainTextSelection</c>, and the reader takes the passages back from the
/// selections that refer to a set's notes.</param>
public sealed record QdaSet(
    string Guid,
    string Name,
    IReadOnlyList<string> SourceGuids,
    IReadOnlyList<string>? CodeIds = null,
    string? Description = null,
    IReadOnlyList<QdaSpan>? Passages = null
);
