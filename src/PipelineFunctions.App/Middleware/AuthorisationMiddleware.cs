using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// The one resource-authorisation step: the roles the function names, the study in its route
/// (<see cref="Authorisation"/>), and for a <see cref="SiteScopedAttribute"/> function the transcript in its route,
/// which a site researcher sees only for their own sites. A refused attempt on an audited function (the
/// re-identification key above all) is itself audit-logged, as <c>refused:&lt;action&gt;</c>.
/// </summary>
public sealed class AuthorisationMiddleware(TranscriptStore transcripts, AuditLog audit) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (
            context.GetHttpContext() is not { } http
            || HttpFunction.Of(context) is not { } function
            || function.Policy.Anonymous
        )
        {
            await next(context);
            return;
        }
        var refusal =
            Authorisation.Refusal(function.Policy, http.User, function.StudyId)
            ?? await SiteRefusalAsync(function, http, context.CancellationToken);
        if (refusal is null)
        {
            await next(context);
            return;
        }
        if (function.Policy.Audit is { } action && function.StudyId is { } studyId)
            await audit.RecordAsync(
                http.User,
                http,
                studyId,
                $"refused:{action}",
                function.Target,
                http.RequestAborted
            );
        HttpFunction.Answer(context, refusal);
    }

    async Task<IResult?> SiteRefusalAsync(HttpFunction function, HttpContext http, CancellationToken ct)
    {
        if (
            !function.Policy.SiteScoped
            || function.StudyId is not { } studyId
            || function.Route.GetValueOrDefault("transcriptId") is not { } transcriptId
        )
            return null;
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        return transcript is not null && http.User.CanSee(transcript)
            ? null
            : Problems.NotFound($"There is no transcript '{transcriptId}' you can see.");
    }
}
