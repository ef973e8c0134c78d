using System.Security.Claims;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// The one resource-authorisation decision for an HTTP function, from what its attributes declare: the roles it names
/// and the study in its route. Pure, so every endpoint × role × scope is unit-tested.
/// </summary>
public static class Authorisation
{
    /// <summary>Null when the signed-in user may call the function for this study; otherwise the refusal to answer with.</summary>
    public static IResult? Refusal(FunctionPolicy policy, ClaimsPrincipal user, string? studyId)
    {
        if (policy.Anonymous)
            return null;
        if (policy.Roles is null)
            return Problems.NoRoles();
        if (policy.Roles.Count > 0 && !policy.Roles.Any(user.IsInRole))
            return Problems.WrongRole(policy.Roles);
        if (studyId is not null && !user.MayReachStudy(studyId))
            return Problems.NotInStudy(studyId);
        return null;
    }
}
