using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// A study, or some of its transcripts, as REFI-QDA exchanges it: the coders, the codebook, the pseudonymised
/// sources, each coder's codings and the memos; each code's colour is the codebook's (<see cref="Code.Colour"/>).
/// <paramref name="Variables"/> are the attributes <paramref name="Cases"/> and sources carry (<see cref="StudyVariables"/>
/// for a study's own), <paramref name="Sets"/> group sources and codes (a study's sites).
/// </summary>
public sealed record QdaProject(
    string Name,
    IReadOnlyList<QdaUser> Users,
    Codebook Codebook,
    IReadOnlyList<QdaSource> Sources,
    IReadOnlyList<QdaCoding> Codings,
    IReadOnlyList<QdaNote> Notes,
    IReadOnlyList<QdaVariable>? Variables = null,
    IReadOnlyList<QdaCase>? Cases = null,
    IReadOnlyList<QdaSet>? Sets = null
)
{
    public QdaSource? Source(string guid) =>
        Sources.FirstOrDefault(s => string.Equals(s.Guid, guid, StringComparison.OrdinalIgnoreCase));
}
