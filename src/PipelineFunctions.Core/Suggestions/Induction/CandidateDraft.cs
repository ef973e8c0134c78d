namespace PipelineFunctions.Core.Suggestions.Induction;

/// <summary>
/// A candidate new code drafted as a code proposal the study lead edits before sending: its label as the name, a
/// definition from its key phrases, and its representative passages (pseudonymised text) as examples.
/// </summary>
public sealed record CandidateDraft(string Name, string Definition, IReadOnlyList<string> Examples)
{
    /// <param name="texts">The pseudonymised text of each passage by id; a quote without text is left out.</param>
    public static CandidateDraft Of(CodeProposal candidate, IReadOnlyDictionary<string, string> texts) =>
        new(
            candidate.Label,
            $"Participants speak of {Phrases(candidate.Keywords)}: drafted from {candidate.Passages.Count} passages "
                + "that no code of the codebook fits.",
            candidate.Quotes.Where(texts.ContainsKey).Select(id => texts[id]).ToList()
        );

    static string Phrases(IReadOnlyList<string> keywords) =>
        keywords.Count switch
        {
            0 => "something the codebook does not name",
            1 => keywords[0],
            _ => $"{string.Join(", ", keywords.Take(keywords.Count - 1))} and {keywords[^1]}",
        };
}
