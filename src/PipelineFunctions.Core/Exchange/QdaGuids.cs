using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Name-based GUIDs, so the same project exports the same file every time. A code's GUID is the one its codebook's
/// .qdc export gives it (<see cref="CodebookQdc.Guid"/> scoped by the codebook's name), so codes keep their identity
/// across .qdc and .qdpx files; an importer that knows the codebook recognises them by it.
/// </summary>
static class QdaGuids
{
    public static string Code(Codebook codebook, string codeId) => CodebookQdc.Guid(codebook.Name, codeId);

    public static string User(string userId) => CodebookQdc.Guid("coder", userId);

    public static string Selection(string sourceGuid, int start, int end) =>
        CodebookQdc.Guid(sourceGuid, $"selection {start} {end}");

    public static string Coding(string sourceGuid, int start, int end, string codeId, string userId) =>
        CodebookQdc.Guid(sourceGuid, $"coding {start} {end} {codeId} {userId}");

    public static string Note(string projectName, int index) => CodebookQdc.Guid(projectName, $"note {index}");

    public static string Variable(string name) => CodebookQdc.Guid("variable", name);

    public static string Case(string sourceGuid, string speaker) => CodebookQdc.Guid(sourceGuid, $"case {speaker}");

    public static string Set(string kind, string name) => CodebookQdc.Guid("set", $"{kind} {name}");

    /// <summary>The note a set of passages is referred to by from each of them.</summary>
    public static string SetNote(string setGuid) => CodebookQdc.Guid("set", $"passages {setGuid}");
}
