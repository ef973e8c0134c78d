using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Tests.Access;

/// <summary>
/// Each kind of problem has its own <c>type</c>, so a page tells them apart without reading the sentence.
/// </summary>
public sealed class ProblemTypeTests
{
    static string? TypeOf(IResult? result) => Assert.IsAssignableFrom<IProblem>(result).Details.Type;

    static ClaimsPrincipal User(string role, string study) =>
        new(
            new ClaimsIdentity(
                [new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role), new(Roles.StudyClaim, study)],
                "test"
            )
        );

    [Fact]
    public void A_wrong_role_and_a_study_one_is_not_part_of_are_told_apart_by_type()
    {
        var audit = FunctionPolicy.All["GetAuditLog"];
        Assert.Equal(Problems.Types.WrongRole, TypeOf(Authorisation.Refusal(audit, User(Roles.Coder, "s1"), "s1")));
        Assert.Equal(Problems.Types.NotInStudy, TypeOf(Authorisation.Refusal(audit, User(Roles.Admin, "s2"), "s1")));
        Assert.Null(Authorisation.Refusal(audit, User(Roles.Admin, "s1"), "s1"));
    }

    [Fact]
    public void A_wrong_role_names_the_roles_the_endpoint_needs_as_data()
    {
        var problem = Problems.WrongRole([Roles.Admin, Roles.Custodian]).Details;
        Assert.Equal(new[] { Roles.Admin, Roles.Custodian }, problem.Extensions["roles"]);
        Assert.Equal(403, problem.Status);
    }

    [Fact]
    public void Every_kind_has_its_own_type()
    {
        IResult[] kinds =
        [
            Problems.BadRequest("x"),
            Problems.Forbidden("x"),
            Problems.WrongRole(["a"]),
            Problems.NotInStudy("s"),
            Problems.NoRoles(),
            Problems.NotFound("x"),
            Problems.NoStudy("s"),
            Problems.Conflict("x"),
            Problems.Duplicate("x"),
            Problems.PreconditionFailed("x"),
            Problems.SignIn("x"),
            Problems.TooLarge("x"),
            Problems.UnsupportedFormat("x"),
            Problems.Unreadable("x"),
            Problems.Failed("x"),
        ];
        var types = kinds.Select(TypeOf).ToList();
        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.All(types, t => Assert.StartsWith("urn:transcript-pipeline:problem:", t));
    }
}
