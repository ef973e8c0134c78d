namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// What a project file holds, for looking before importing (<c>pipeline qdpx-info</c>): codes (how many, how deep),
/// users, every source with its characters of text and codings, cases, variables, sets, and every problem the tolerant
/// read found. Counts and names only: no text from the sources.
/// </summary>
public sealed record QdpxInfo(
    string Name,
    QdpxCodesInfo Codes,
    IReadOnlyList<QdpxUserInfo> Users,
    IReadOnlyList<QdpxSourceReport> Sources,
    int Codings,
    int CodingsNotPlaced,
    IReadOnlyList<QdpxCaseInfo> Cases,
    IReadOnlyList<QdpxVariableInfo> Variables,
    IReadOnlyList<QdpxSetInfo> Sets,
    IReadOnlyList<QdpxFinding> Problems
)
{
    public static QdpxInfo Of(QdpxImport import)
    {
        var (project, report) = (import.Project, import.Report);
        int Depth(string? parent, int depth) =>
            project
                .Codebook.Codes.Where(c => c.Parent == parent)
                .Select(c => Depth(c.Id, depth + 1))
                .DefaultIfEmpty(depth)
                .Max();
        var cases = project.Cases ?? [];
        return new QdpxInfo(
            project.Name,
            new QdpxCodesInfo(project.Codebook.Codes.Count, Depth(null, 0)),
            project
                .Users.Select(u => new QdpxUserInfo(u.Id, u.Name, project.Codings.Count(c => c.UserId == u.Id)))
                .ToList(),
            report.Sources,
            project.Codings.Count,
            report.Sources.Sum(s => s.CodingsNotPlaced),
            cases.Select(c => new QdpxCaseInfo(c.Name, c.SourceGuids.Count, c.Passages.Count, c.Values)).ToList(),
            (project.Variables ?? [])
                .Select(v => new QdpxVariableInfo(
                    v.Name,
                    v.Type.ToString(),
                    cases.Count(c => c.Values.ContainsKey(v.Name)),
                    project.Sources.Count(s => s.Values?.ContainsKey(v.Name) == true)
                ))
                .ToList(),
            (project.Sets ?? [])
                .Select(s => new QdpxSetInfo(s.Name, s.SourceGuids.Count, s.CodeIds?.Count ?? 0))
                .ToList(),
            report.Problems
        );
    }
}
