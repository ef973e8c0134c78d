using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Http;

public sealed record StudyEntry(string Id, string Name, List<SiteView> Sites, List<string> Languages);

/// <summary>Who is signed in: what the pages' shell needs to build the home, the study switcher and the
/// navigation.</summary>
/// <param name="SignIn">How people sign in here: <c>ApiKey</c> (locally) or <c>AppService</c> (Entra ID in
/// Azure).</param>
public sealed record SessionView(
    string Name,
    List<string> Roles,
    List<string> Sites,
    List<StudyEntry> Studies,
    string SignIn
);

/// <summary>The signed-in user and the studies they work on; ids and names only.</summary>
public sealed class SessionFunctions(StudyStore studies, PipelineSettings settings)
{
    [Function("GetSession"), Access]
    public async Task<Ok<SessionView>> MeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest req,
        CancellationToken ct
    )
    {
        var user = req.HttpContext.User;
        var reachable = (await studies.ListAsync(ct))
            .Where(s => user.MayReachStudy(s.Id))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new StudyEntry(s.Id, s.Name, SiteView.Of(s.Sites), s.Languages))
            .ToList();
        return TypedResults.Ok(
            new SessionView(
                user.Name(),
                Claims(user, ClaimTypes.Role),
                Claims(user, Roles.SiteClaim),
                reachable,
                settings.Authentication
            )
        );
    }

    static List<string> Claims(ClaimsPrincipal user, string type) =>
        [.. user.FindAll(type).Select(c => c.Value).Distinct()];
}
