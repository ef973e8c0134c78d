using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Http;

/// <summary>An original with no translation: its site or the study lead chooses to code it in its own language
/// instead of waiting.</summary>
public sealed class CodeInOriginalFunctions(TranscriptStore transcripts, TranscriptWorkflow workflow)
{
    [Function("CodeInOriginal"), Access(Roles.SiteResearcher, Roles.StudyLead), SiteScoped, Audited("code-in-original")]
    public async Task<Results<Ok<Done>, Problem<Missing>, Problem<WrongState>>> CodeAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/code-in-original"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}' you can see.");
        if (!transcript.AwaitsTranslation)
            return Problems.Conflict("Only an original waiting for its translation can be coded in its own language.");
        // Set before the move so the next stage is read for a transcript that stands alone: suggestions, not the check.
        transcript.CodeInOriginal = true;
        if (
            !await workflow.MoveAsync(
                transcript,
                TranscriptStatus.Pseudonymised,
                $"To be coded in its own language ({transcript.Language}), chosen by {req.HttpContext.User.Name()}.",
                ct,
                new TranscriptFacts(CodeInOriginal: true)
            )
        )
            return Problems.Conflict("Its translation arrived meanwhile, or someone chose already; reload the page.");
        return TypedResults.Ok(new Done("It will be coded in its own language; code suggestions are being made."));
    }
}
