using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A study, or some of its transcripts, as REFI-QDA exchanges it: the coders, the codebook, the pseudonymised
/// sources, each coder's codings and the memos. <paramref name="CodeColours"/> maps a code id to <c>#RRGGBB</c>.
/// </summary>
public sealed record QdaProject(
    string Name,
    IReadOnlyList<QdaUser> Users,
    Codebook Codebook,
    IReadOnlyList<QdaSource> Sources,
    IReadOnlyList<QdaCoding> Codings,
    IReadOnlyList<QdaNote> Notes,
    IReadOnlyDictionary<string, string>? CodeColours = null)
{
    public QdaSource? Source(string guid) => Sources.FirstOrDefault(s => string.Equals(s.Guid, guid, StringComparison.OrdinalIgnoreCase));
}
