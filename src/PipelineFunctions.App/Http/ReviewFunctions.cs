using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Limits;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Http;

/// <param name="Origin"><c>suggested</c>, <c>changed</c> (a suggestion given another code) or <c>added</c>.</param>
/// <param name="Start">Start of a coded sub-span of the passage text (UTF-16), when only part of it is coded.</param>
/// <param name="Confirm">True when a correction changed a sub-span's words: its coder confirms it (saving false).
/// </param>
/// <param name="Illustrative">True when the coder marked it as an illustrative quote (the themes report's quotes).</param>
public sealed record Coding(
    int Segment,
    string CodeId,
    string Origin,
    int? Start = null,
    int? End = null,
    bool? Confirm = null,
    bool? Illustrative = null
)
{
    public static Coding Of(CodingEntry c) =>
        new(c.Segment, c.CodeId, c.Origin, c.Start, c.End, c.Confirm, c.Illustrative == true ? true : null);

    public static List<Coding> Of(IEnumerable<CodingEntry> codings) => [.. codings.Select(Of)];

    // Only a mark is stored: an unmarked coding keeps the document as it was before marks existed.
    public CodingEntry ToEntry() =>
        new(Segment, CodeId, Origin, Start, End, Confirm: Confirm, Illustrative: Illustrative == true ? true : null);
}

public sealed record Rejection(int Segment, string CodeId)
{
    public static Rejection Of(RejectedSuggestion r) => new(r.Segment, r.CodeId);

    public RejectedSuggestion ToEntry() => new(Segment, CodeId);
}

/// <param name="Segment">The passage the memo is linked to; none for a memo on the whole transcript.</param>
/// <param name="Start">With <paramref name="End"/>: the words of the passage the memo is on, when not all of it.</param>
/// <param name="Words">Those words, as the passage now has them (read only).</param>
/// <param name="Confirm">A new version changed those words: saving the memo with false confirms it.</param>
public sealed record MemoNote(
    int? Segment,
    string Text,
    string? Code = null,
    int? Start = null,
    int? End = null,
    string? Words = null,
    bool? Confirm = null
)
{
    public static MemoNote Of(Memo m) => new(m.Segment, m.Text, m.Code, m.Start, m.End, m.Anchor?.Text, m.Confirm);

    public Memo ToEntry() => new(Segment, Text, Code, Start, End, Confirm: Confirm == true ? true : null);
}

public sealed record CoderWorkRequest(
    List<Coding> Codings,
    List<Rejection>? Rejected = null,
    List<MemoNote>? Memos = null
);

public sealed record ReviewListItem(
    string Id,
    string SiteId,
    string FileName,
    int Turns,
    bool DoubleCoded,
    string Mine
);

public sealed record TranscriptRef(string Id, string SiteId, string FileName);

public sealed record CodeView(string Id, string Name, string? Parent, string? Definition, string? Colour = null);

public sealed record ReviewSuggestion(string Code, string Name, double Confidence, List<string> Evidence);

/// <param name="Interviewer">The interviewer's side speaks (<see cref="InterviewerSide"/>): context, not coded.</param>
public sealed record ReviewSegment(
    int Segment,
    string Speaker,
    string Text,
    IEnumerable<ReviewSuggestion> Suggestions,
    string? Abstained,
    bool Interviewer
);

public sealed record MyWork(List<Coding> Codings, List<Rejection> Rejected, List<MemoNote> Memos, bool Submitted)
{
    public static MyWork Of(CoderWorkDocument? work) =>
        new(
            Coding.Of(work?.Codings ?? []),
            [.. (work?.Rejected ?? []).Select(Rejection.Of)],
            [.. (work?.Memos ?? []).Select(MemoNote.Of)],
            work?.Submitted ?? false
        );
}

public sealed record ReviewView(
    TranscriptRef Transcript,
    IEnumerable<CodeView> Codes,
    IEnumerable<ReviewSegment> Segments,
    MyWork Mine,
    string? Etag,
    bool DoubleCoded,
    bool AgreementReady
);

public sealed record Saved(string Etag, string Message);

/// <summary>
/// The coders' workspace: a transcript's pseudonymised passages with suggestions, each coder's own codings saved as
/// they go (ETag-checked), blind double coding (nobody sees another's work; agreement opens once two have submitted).
/// </summary>
public sealed class ReviewFunctions(
    StudyStore studies,
    TranscriptStore transcripts,
    ReviewStore review,
    CodingStore codings,
    TimeProvider clock
)
{
    [Function("ListReview"), Access(Roles.Coder, Roles.StudyLead)]
    public async Task<Results<Ok<List<ReviewListItem>>, Problem<NoStudy>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studies/{studyId}/review")] HttpRequest req,
        string studyId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null)
            return Problems.NoStudy(studyId);
        var ready = CodingRules.Ready(await transcripts.ListAsync(studyId, ct));
        var doubled = CodingRules.DoubleCoded(study, ready);
        var list = new List<ReviewListItem>();
        // A coder's list holds what the study lead assigned to them, or to nobody (CodingRules.MayCode).
        foreach (var t in ready.Where(t => CodingRules.MayCode(study, t, req.HttpContext.User)))
        {
            var mine = await codings.GetAsync(t.Id, req.HttpContext.User.Name(), ct);
            list.Add(
                new ReviewListItem(
                    t.Id,
                    t.SiteId,
                    t.FileName,
                    t.TurnCount,
                    doubled.Contains(t.Id),
                    mine is null ? "not started"
                        : mine.Submitted ? "submitted"
                        : "in progress"
                )
            );
        }
        return TypedResults.Ok(list);
    }

    [Function("GetReview"), Access(Roles.Coder, Roles.StudyLead), Audited("read-transcript")]
    public async Task<Results<Ok<ReviewView>, Problem<Missing>, Problem<Refused>>> GetAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/review"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        // Five single-partition reads at once: a long transcript's page waits for the slowest, not for their sum.
        var (studyRead, listRead, suggestionsRead, segmentsRead, worksRead) = (
            studies.GetAsync(studyId, ct),
            transcripts.ListAsync(studyId, ct),
            review.SuggestionsAsync(transcriptId, ct),
            review.SegmentsAsync(transcriptId, ct),
            codings.ListAsync(transcriptId, ct)
        );
        await Task.WhenAll(studyRead, listRead, suggestionsRead, segmentsRead, worksRead);
        var (study, transcript) = (studyRead.Result, listRead.Result.FirstOrDefault(t => t.Id == transcriptId));
        if (study?.Codebook is null || transcript is null || transcript.Status != TranscriptStatus.SuggestionsReady)
            return Problems.NotFound($"There is no transcript '{transcriptId}' ready for coding.");
        if (!CodingRules.MayCode(study, transcript, req.HttpContext.User))
            return AssignedElsewhere();
        var suggestions = suggestionsRead.Result.ToLookup(s => s.Segment);
        var segments = segmentsRead
            .Result.OrderBy(s => s.Segment)
            .Select(s => new ReviewSegment(
                s.Segment,
                s.Speaker,
                s.Text,
                suggestions[s.Segment]
                    .Where(x => x.IsShown)
                    .OrderByDescending(x => x.Confidence)
                    .ThenBy(x => x.CodeId, StringComparer.Ordinal)
                    .Select(x => (Suggestion: x, Code: CodingRules.Current(study, x.CodeId)))
                    .DistinctBy(x => x.Code)
                    .Select(x => new ReviewSuggestion(
                        x.Code,
                        study.Codebook.Find(x.Code)?.Name ?? x.Suggestion.CodeName,
                        x.Suggestion.Confidence,
                        x.Suggestion.Evidence
                    )),
                suggestions[s.Segment].FirstOrDefault(x => x.IsAbstention)?.Abstained,
                InterviewerSide.Includes(s.Speaker)
            ))
            .ToList();
        var mine = worksRead.Result.FirstOrDefault(w => w.Coder == req.HttpContext.User.Name());
        var submitted = worksRead.Result.Count(w => w.Submitted);
        var doubled = CodingRules.DoubleCoded(study, CodingRules.Ready(listRead.Result)).Contains(transcriptId);
        // Only the caller's own work: in blind double coding nobody sees the other's codes before both submit.
        return TypedResults.Ok(
            new ReviewView(
                new TranscriptRef(transcript.Id, transcript.SiteId, transcript.FileName),
                study.Codebook.Codes.Select(c => new CodeView(c.Id, c.Name, c.Parent, c.Definition, c.Colour)),
                segments,
                MyWork.Of(mine),
                mine?.ETag,
                doubled,
                doubled && submitted >= 2
            )
        );
    }

    [Function("SaveMyCoding"), Access(Roles.Coder, Roles.StudyLead), Audited("save-coding")]
    public async Task<
        Results<Ok<Saved>, Problem<Invalid>, Problem<Missing>, Problem<WrongState>, Problem<Stale>, Problem<Refused>>
    > SaveAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "put",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/review/mine"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<CoderWorkRequest>(ct);
        if (request?.Codings is null)
            return Problems.BadRequest("Send your codings as JSON.");
        if (TooLong(request) is { } tooLong)
            return Problems.BadRequest(tooLong);
        var study = await studies.GetAsync(studyId, ct);
        var transcript = await transcripts.GetAsync(studyId, transcriptId, ct);
        if (study?.Codebook is null || transcript is null)
            return Problems.NotFound($"There is no transcript '{transcriptId}'.");
        if (!CodingRules.MayCode(study, transcript, req.HttpContext.User))
            return AssignedElsewhere();
        if (request.Codings.FirstOrDefault(c => study.Codebook.Find(c.CodeId) is null) is { } unknown)
            return Problems.BadRequest($"'{unknown.CodeId}' is not a code of this study's codebook.");
        var user = req.HttpContext.User;
        var etag = req.Headers.IfMatch.FirstOrDefault();
        var current = await codings.GetAsync(transcriptId, user.Name(), ct);
        if (current?.Submitted == true)
            return Problems.Conflict("You have submitted this transcript; your coding is final.");
        if (
            current is not null && etag != current.ETag
            || current is null && !string.IsNullOrEmpty(etag) && etag != "*"
        )
            return Stale();
        var work = new CoderWorkDocument
        {
            Id = CoderWorkDocument.IdFor(transcriptId, user.Name()),
            TranscriptId = transcriptId,
            StudyId = studyId,
            Coder = user.Name(),
            Codings = AnchoredCodings.Anchored(
                request.Codings.Distinct().Select(c => c.ToEntry()),
                (await review.SegmentsAsync(transcriptId, ct)).ToDictionary(s => s.Segment, s => s.Text),
                current?.Codings ?? []
            ),
            Rejected = [.. (request.Rejected ?? []).Select(r => r.ToEntry())],
            UpdatedAt = clock.GetUtcNow(),
        };
        work.Memos = AnchoredCodings.Anchored(
            (request.Memos ?? []).Select(m => m.ToEntry()),
            (await review.SegmentsAsync(transcriptId, ct)).ToDictionary(s => s.Segment, s => s.Text)
        );
        var saved = await codings.TrySaveAsync(work, current?.ETag, ct);
        return saved is null ? Stale() : TypedResults.Ok(new Saved(saved, "Saved."));
    }

    [Function("SubmitMyCoding"), Access(Roles.Coder, Roles.StudyLead), Audited("submit-coding")]
    public async Task<Results<Ok<Done>, Problem<Invalid>, Problem<Stale>>> SubmitAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/review/mine/submit"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var work = await codings.GetAsync(transcriptId, req.HttpContext.User.Name(), ct);
        if (work is null)
            return Problems.BadRequest("There is nothing to submit yet.");
        if (work.Submitted)
            return TypedResults.Ok(new Done("Submitted already."));
        work.Submitted = true;
        work.SubmittedAt = clock.GetUtcNow();
        return await codings.TrySaveAsync(work, work.ETag, ct) is null
            ? Stale()
            : TypedResults.Ok(new Done("Submitted."));
    }

    internal static string? TooLong(CoderWorkRequest request) =>
        (request.Memos ?? []).Select(m => TextLimits.CheckMemo(m.Text)).FirstOrDefault(p => p is not null);

    static Problem<Refused> AssignedElsewhere() =>
        Problems.Forbidden(
            "The study lead assigned this transcript to other coders; your list holds the ones " + "assigned to you."
        );

    static Problem<Stale> Stale() =>
        Problems.PreconditionFailed(
            "Your coding changed elsewhere (another tab?) since you loaded it; reload to " + "carry on."
        );
}
