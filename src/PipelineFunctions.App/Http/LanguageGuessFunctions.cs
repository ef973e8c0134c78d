using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Http;

/// <summary>The language suggested for a file, and whether it can be read at all; null language when the text says
/// nothing clear.</summary>
public sealed record LanguageSuggestion(string? Language, double? Confidence, string? Problem);

/// <summary>
/// Before an upload: which of the study's languages a file is in, read as ingest will read it (every format). The file
/// is read in memory and forgotten: nothing is stored, logged or sent anywhere. The format comes as the file's extension
/// only (<c>?format=docx</c>): a file name often holds a participant's id, and request URLs reach the platform's logs.
/// </summary>
public sealed class LanguageGuessFunctions(StudyStore studies, PipelineSettings settings)
{
    [Function("SuggestLanguage"), Access(Roles.SiteResearcher, Roles.StudyLead)]
    public async Task<Results<Ok<LanguageSuggestion>, Problem<NoStudy>, Problem<Invalid>>> SuggestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/studies/{studyId}/language-suggestion")]
            HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        // Only the extension travels in the URL: request URLs reach the platform's logs, file names carry ids.
        var format = req.Query["format"].FirstOrDefault()?.Trim('.').ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(format) || !format.All(char.IsLetterOrDigit))
            return Problems.BadRequest("Give the file's extension (?format=docx) so its format is known.");
        var fileName = $"upload.{format}";
        using var body = new MemoryStream();
        await req.Body.CopyToAsync(body, ct);
        if (body.Length > settings.MaxUploadBytes)
            return TypedResults.Ok(new LanguageSuggestion(null, null, "The file is over the size limit."));
        try
        {
            var parsed = TranscriptReader.Read(fileName, body.ToArray(), new TranscriptLimits(settings.MaxUploadBytes));
            return TypedResults.Ok(
                LanguageGuess.Of(parsed.Turns, study.Languages) is { } guess
                    ? new LanguageSuggestion(guess.Language, guess.Confidence, null)
                    : new LanguageSuggestion(null, null, null)
            );
        }
        catch (TranscriptRejectedException e)
        {
            return TypedResults.Ok(new LanguageSuggestion(null, null, e.Message));
        }
    }
}
