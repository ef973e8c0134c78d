using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Exchange;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;
using LoadProblem = Microsoft.AspNetCore.Http.HttpResults.Results<
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.NoStudy>,
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.Missing>,
    PipelineFunctions.App.Middleware.Problem<PipelineFunctions.App.Middleware.WrongState>
>;

namespace PipelineFunctions.App.Http;

/// <param name="Participant">False for the interviewer's side (interviewer, facilitator, note taker, …): no case of
/// their own.</param>
/// <param name="Role">The role's value as exports write it (<c>peer worker</c>, …), or null when not assigned.</param>
public sealed record SpeakerView(string Speaker, int Turns, bool Participant, string? Role);

/// <param name="InterviewTypeSet">Whether the study lead set the interview type; if not, it was read from who
/// speaks.</param>
/// <param name="Roles">The roles a participant may have.</param>
/// <param name="InterviewTypes">Interview types to suggest; any other short text is accepted.</param>
public sealed record SpeakersView(
    string TranscriptId,
    string FileName,
    string SiteId,
    string? Country,
    string Language,
    string InterviewType,
    bool InterviewTypeSet,
    IReadOnlyList<SpeakerView> Speakers,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> InterviewTypes
);

/// <param name="Roles">Every speaker's role (a missing or empty one is not assigned): the map replaces the last
/// one.</param>
/// <param name="InterviewType">Null or empty: read from who speaks.</param>
public sealed record SpeakersRequest(Dictionary<string, string?>? Roles, string? InterviewType);

/// <summary>
/// A transcript's speakers (pseudonymised, as coders see them) and the study lead's view of them: each participant's
/// role and the interview type, which exports carry as cases and variables. Coders may read them.
/// </summary>
public sealed class SpeakerRolesFunctions(StudyStore studies, TranscriptStore transcripts, ReviewStore review)
{
    static readonly IReadOnlyList<string> RoleValues = Enum.GetValues<ParticipantRole>()
        .Select(StudyVariables.RoleValue)
        .ToList();

    [Function("GetSpeakers"), Access(Roles.Coder, Roles.StudyLead), Audited("read-speakers")]
    public async Task<Results<Ok<SpeakersView>, LoadProblem>> GetAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/speakers"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var (study, transcript, turns, problem) = await LoadAsync(studyId, transcriptId, ct);
        if (problem is not null)
            return problem;
        return TypedResults.Ok(View(study!, transcript!, turns));
    }

    [Function("SetSpeakers"), Access(Roles.StudyLead), Audited("set-speakers")]
    public async Task<Results<Ok<SpeakersView>, Problem<Invalid>, LoadProblem>> SetAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "put",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/speakers"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        SpeakersRequest? request;
        try
        {
            request = await req.ReadFromJsonAsync<SpeakersRequest>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return Problems.BadRequest(
                "Send the roles as JSON: {\"roles\": " + "{\"speaker\": \"role\"}, \"interviewType\": \"…\"}."
            );
        }
        if (request is null)
            return Problems.BadRequest(
                "Send the roles as JSON: {\"roles\": {\"speaker\": \"role\"}, " + "\"interviewType\": \"…\"}."
            );
        var (study, transcript, turns, problem) = await LoadAsync(studyId, transcriptId, ct);
        if (problem is not null)
            return problem;

        var speakers = turns.Select(t => t.Speaker).ToHashSet(StringComparer.Ordinal);
        var roles = new Dictionary<string, ParticipantRole>(StringComparer.Ordinal);
        foreach (var (speaker, value) in request.Roles ?? [])
        {
            // Neither the label nor the value is echoed: a problem detail carries no text.
            if (!speakers.Contains(speaker))
                return Problems.BadRequest("A role was given for a speaker who does not speak in this transcript.");
            if (string.IsNullOrWhiteSpace(value))
                continue;
            if (StudyVariables.ParseRole(value) is not { } role)
                return Problems.BadRequest($"A role must be one of: {string.Join(", ", RoleValues)}.");
            roles[speaker] = role;
        }
        var interviewType = TranscriptParticipants.CleanInterviewType(request.InterviewType);
        if (!TranscriptParticipants.IsValidInterviewType(interviewType))
            return Problems.BadRequest(
                $"The interview type is a short name (up to "
                    + $"{TranscriptParticipants.MaxInterviewTypeLength} characters), such as 'interview' or 'focus group'."
            );

        await transcripts.SetParticipantsAsync(studyId, transcriptId, roles, interviewType, ct);
        (transcript!.SpeakerRoles, transcript.ImportedRoles, transcript.InterviewType) = (roles, [], interviewType);
        return TypedResults.Ok(View(study!, transcript, turns));
    }

    /// <summary>The study, the transcript and its pseudonymised turns, or the problem that stops the call.</summary>
    async Task<(
        StudyDocument? Study,
        TranscriptDocument? Transcript,
        IReadOnlyList<SpeakerTurn> Turns,
        LoadProblem? Problem
    )> LoadAsync(string studyId, string transcriptId, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return (null, null, [], Problems.NoStudy(studyId));
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (transcript is null)
            return (study, null, [], Problems.NotFound($"There is no transcript '{transcriptId}'."));
        if (!StudyExchange.Exportable(transcript))
            return (
                study,
                transcript,
                [],
                Problems.Conflict(
                    $"Transcript {transcriptId} is {transcript.Status}: its speakers are known once it is pseudonymised."
                )
            );
        var turns = (await review.SegmentsAsync(transcriptId, ct))
            .OrderBy(s => s.Segment)
            .Select(s => new SpeakerTurn(s.Segment, s.Speaker, ""))
            .ToList();
        return (study, transcript, turns, null);
    }

    static SpeakersView View(StudyDocument study, TranscriptDocument transcript, IReadOnlyList<SpeakerTurn> turns)
    {
        var roles = TranscriptParticipants.RolesOf(transcript, turns);
        var speakers = turns
            .GroupBy(t => t.Speaker, StringComparer.Ordinal)
            .Select(g => new SpeakerView(
                g.Key,
                g.Count(),
                ParticipantCases.IsParticipant(g.Key),
                roles.Assigned.TryGetValue(g.Key, out var role) ? StudyVariables.RoleValue(role) : null
            ))
            .ToList();
        var attributes = TranscriptParticipants.Attributes(study, transcript, speakers.Select(s => s.Speaker));
        return new SpeakersView(
            transcript.Id,
            transcript.FileName,
            transcript.SiteId,
            attributes.Country,
            transcript.Language,
            attributes.InterviewType!,
            transcript.InterviewType is not null,
            speakers,
            RoleValues,
            TranscriptParticipants.InterviewTypes
        );
    }
}
