using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

/// <param name="Counts">Passages per column, the code's children included (a parent collects them).</param>
public sealed record MatrixRow(string Code, string Name, string? Parent, List<int> Counts);

public sealed record MatrixColumn(string Id, string Name);

public sealed record MatrixView(string By, List<MatrixColumn> Columns, List<MatrixRow> Rows);

/// <summary>
/// Codes × sites (or × speaker roles, as <see cref="SpeakerRoles"/> answers them): passages of the final coding — the
/// caller's own where nothing is final yet, as
/// the code view counts — per cell, as JSON or CSV.
/// </summary>
public sealed class MatrixFunctions(StudyStore studies, StudyCodings codings, ReviewStore review)
{
    [Function("GetCodeMatrix"), Access(Roles.Coder, Roles.StudyLead), Audited("read-code-matrix")]
    public async Task<Results<Ok<MatrixView>, FileContentHttpResult, Problem<NoStudy>>> MatrixAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/matrix")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var byRole = req.Query["by"].FirstOrDefault() == "role";
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        // (code, column) → distinct passages, kept as (transcript, segment) so a parent counts a passage once.
        var cells = new Dictionary<(string Code, string Column), HashSet<(string, int)>>();
        foreach (var v in await codings.ListAsync(studyId, req.HttpContext.User, _ => true, ct))
        {
            if ((v.Final ?? v.Mine) is not { } work || work.Codings.Count == 0)
                continue;
            Dictionary<int, string>? roles = null;
            if (byRole)
            {
                var turns = await review.SegmentsAsync(v.Transcript.Id, ct);
                var of = SpeakerRoles.Of(v.Transcript, turns);
                roles = turns.ToDictionary(s => s.Segment, s => of.RoleOf(s.Speaker) ?? "no role");
            }
            foreach (var c in work.Codings)
            {
                var column = roles is null ? v.Transcript.SiteId : roles.GetValueOrDefault(c.Segment, "no role");
                foreach (var code in CodeFamily.Ancestry(study.Codebook, c.CodeId))
                {
                    if (!cells.TryGetValue((code, column), out var set))
                        cells[(code, column)] = set = [];
                    set.Add((v.Transcript.Id, c.Segment));
                }
            }
        }
        var columns = byRole
            ? cells
                .Keys.Select(k => k.Column)
                .Distinct()
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(r => new MatrixColumn(r, r))
                .ToList()
            : study.Sites.Select(s => new MatrixColumn(s.Id, s.Name)).ToList();
        var view = new MatrixView(
            byRole ? "role" : "site",
            columns,
            study
                .Codebook.Codes.Select(c => new MatrixRow(
                    c.Id,
                    c.Name,
                    c.Parent,
                    columns.Select(col => cells.TryGetValue((c.Id, col.Id), out var set) ? set.Count : 0).ToList()
                ))
                .ToList()
        );
        return req.Query["format"].FirstOrDefault() == "csv"
            ? TypedResults.File(
                Encoding.UTF8.GetBytes(Csv(view)),
                "text/csv; charset=utf-8",
                $"{studyId}-matrix-by-{view.By}.csv"
            )
            : TypedResults.Ok(view);
    }

    static string Csv(MatrixView view)
    {
        static string Cell(string s) =>
            s.Length > 0 && "=+-@".Contains(s[0]) ? Cell("'" + s)
            : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s.StartsWith('=') ? $"\"{s.Replace("\"", "\"\"")}\""
            : s;
        var csv = new StringBuilder();
        csv.AppendLine(
            string.Join(',', new[] { "Code", "Parent" }.Concat(view.Columns.Select(c => c.Name)).Select(Cell))
        );
        foreach (var row in view.Rows)
            csv.AppendLine(
                string.Join(
                    ',',
                    new[] { Cell(row.Name), Cell(row.Parent ?? "") }.Concat(
                        row.Counts.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    )
                )
            );
        return csv.ToString();
    }
}
