using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Middleware;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.App.Http;

public sealed record AgreementRow(
    string Code,
    string Name,
    double Percent,
    double Kappa,
    double Alpha,
    int Both,
    int OnlyFirst,
    int OnlySecond
);

/// <summary>A span of a passage; no offsets for the whole passage.</summary>
public sealed record SpanView(int? Start, int? End)
{
    public static List<SpanView> Of(IEnumerable<CodedSpan> spans) =>
        [.. spans.Select(s => new SpanView(s.Start, s.End))];
}

/// <summary>A code the pair applied differently on a passage: each coder's spans (empty: left off) and their union.
/// </summary>
public sealed record DisagreementView(
    int Segment,
    string Code,
    string Name,
    List<SpanView> First,
    List<SpanView> Second,
    List<SpanView> Union
);

/// <summary>A passage the pair coded differently: its text and each coder's codes on it, to set side by side.</summary>
public sealed record DisputedPassage(int Segment, string Speaker, string Text, List<string> First, List<string> Second);

/// <param name="Keep"><c>first</c> or <c>second</c> (a coder's span, in the order of <c>coders</c>) or <c>union</c>.
/// </param>
public sealed record Choice(int Segment, string CodeId, string Keep)
{
    public static Choice Of(ConsensusChoice c) => new(c.Segment, c.CodeId, c.Keep);

    public ConsensusChoice ToEntry() => new(Segment, CodeId, Keep);
}

/// <summary>One coder's confirmed consensus: their choice for each disagreement.</summary>
public sealed record Confirmation(string Coder, List<Choice> Choices);

public sealed record ConsensusRequest(List<Choice> Choices, List<MemoNote>? Memos = null);

/// <param name="Final">True when this made the final coding; false when it waits for the other coder.</param>
public sealed record ConsensusSaved(string Message, bool Final);

/// <param name="Units">What the figures count: participant passages, interviewer turns left out (said on the
/// page).</param>
/// <param name="Resolve">What the caller may do with the consensus (<see cref="ConsensusRule"/>): <c>save</c> it (the
/// study lead), <c>confirm</c> it (a coder of the pair) or <c>refuse</c> (anyone else).</param>
public sealed record AgreementView(
    IEnumerable<string> Coders,
    IEnumerable<AgreementRow> PerCode,
    AgreementRow Overall,
    IEnumerable<DisagreementView> Disagreements,
    List<Coding> Agreed,
    List<Coding>? Final,
    List<DisputedPassage> Passages,
    string Units,
    int PassagesCounted,
    int InterviewerPassagesLeftOut,
    List<Confirmation> Confirmations,
    string Resolve
);

/// <summary>
/// Agreement of a double-coded transcript once two coders submitted, and its consensus: resolved span by span
/// (<see cref="Consensus"/>), saved by whoever <see cref="ConsensusRule"/> names.
/// </summary>
public sealed class ConsensusFunctions(StudyStore studies, ReviewStore review, CodingStore codings, TimeProvider clock)
{
    [Function("GetAgreement"), Access(Roles.Coder, Roles.StudyLead), Audited("read-codings")]
    public async Task<Results<Ok<AgreementView>, Problem<NoStudy>, Problem<WrongState>>> AgreementAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/review/agreement"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var all = await codings.ListAsync(transcriptId, ct);
        var pair = CodingRules.Pair(all);
        if (pair.Count < 2)
            return Problems.Conflict("Agreement is shown once two coders have submitted.");
        var passages = (await review.SegmentsAsync(transcriptId, ct)).ToDictionary(s => s.Segment);
        // The figures count participants' passages only; every disagreement, wherever it is, stays listed to resolve.
        var (units, figures) = PairAgreement.Of(passages.Values, pair[0], pair[1]);
        var (agreed, disagreements) = Consensus.Compare(pair[0].Codings, pair[1].Codings, Lengths(passages));
        string Name(string id) => study.Codebook.Find(id)?.Name ?? id;
        AgreementRow Row(CodeAgreement a) =>
            new(
                a.CodeId,
                a.CodeId == CodingAgreement.Overall ? "All codes" : Name(a.CodeId),
                Math.Round(a.Percent, 3),
                Math.Round(a.Kappa, 3),
                Math.Round(a.Alpha, 3),
                a.BothApplied,
                a.OnlyFirst,
                a.OnlySecond
            );
        var coders = pair.Select(p => p.Coder).ToList();
        return TypedResults.Ok(
            new AgreementView(
                coders,
                figures.PerCode.Select(Row),
                Row(figures.Overall),
                disagreements.Select(d => new DisagreementView(
                    d.Segment,
                    d.CodeId,
                    Name(d.CodeId),
                    SpanView.Of(d.First),
                    SpanView.Of(d.Second),
                    SpanView.Of(d.Union)
                )),
                Coding.Of(agreed),
                all.FirstOrDefault(w => w.Coder == CoderWorkDocument.FinalCoder)?.Codings is { } final
                    ? Coding.Of(final)
                    : null,
                disagreements
                    .Select(d => d.Segment)
                    .Distinct()
                    .Order()
                    .Where(passages.ContainsKey)
                    .Select(n => new DisputedPassage(
                        n,
                        passages[n].Speaker,
                        passages[n].Text,
                        CodesOn(pair[0], n),
                        CodesOn(pair[1], n)
                    ))
                    .ToList(),
                units.Description,
                units.Counted.Count,
                units.LeftOut,
                [
                    .. pair.Where(w => w.ConsensusProposal is not null)
                        .Select(w => new Confirmation(w.Coder, [.. w.ConsensusProposal!.Select(Choice.Of)])),
                ],
                ConsensusRule.Decide(req.HttpContext.User, coders, [], null).ToString().ToLowerInvariant()
            )
        );
        List<string> CodesOn(CoderWorkDocument work, int segment) =>
            work.Codings.Where(c => c.Segment == segment).Select(c => Name(c.CodeId)).Distinct().ToList();
    }

    /// <summary>The pair's resolved coding: what both coded alike plus, per disagreement, the span(s) kept. The study
    /// lead saves it as the transcript's final coding; a coder of the pair confirms it, and it is saved when the other
    /// confirms the same.</summary>
    [Function("SaveConsensus"), Access(Roles.Coder, Roles.StudyLead), Audited("save-consensus")]
    public async Task<
        Results<
            Ok<ConsensusSaved>,
            Problem<Invalid>,
            Problem<NoStudy>,
            Problem<WrongState>,
            Problem<Stale>,
            Problem<Refused>
        >
    > ConsensusAsync(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "put",
            Route = "api/studies/{studyId}/transcripts/{transcriptId}/review/final"
        )]
            HttpRequest req,
        string studyId,
        string transcriptId,
        CancellationToken ct
    )
    {
        var request = await req.ReadFromJsonAsync<ConsensusRequest>(ct);
        if (request?.Choices is null)
            return Problems.BadRequest("Send what you keep for each disagreement.");
        if (ReviewFunctions.TooLong(new([], null, request.Memos)) is { } tooLong)
            return Problems.BadRequest(tooLong);
        var study = await studies.GetAsync(studyId, ct);
        if (study?.Codebook is null)
            return Problems.NoStudy(studyId);
        var pair = CodingRules.Pair(await codings.ListAsync(transcriptId, ct));
        if (pair.Count < 2)
            return Problems.Conflict("Consensus comes after two coders have submitted.");
        var passages = (await review.SegmentsAsync(transcriptId, ct)).ToDictionary(s => s.Segment);
        var (agreed, disagreements) = Consensus.Compare(pair[0].Codings, pair[1].Codings, Lengths(passages));
        var choices = request.Choices.Select(c => c.ToEntry()).ToList();
        var (final, problem) = Consensus.Resolve(agreed, disagreements, choices);
        if (final is null)
            return Problems.BadRequest(problem!);

        var user = req.HttpContext.User;
        var coders = pair.Select(w => w.Coder).ToList();
        var other = pair.FirstOrDefault(w => w.Coder == ConsensusRule.Other(user, coders));
        var otherConfirmed = other?.ConsensusProposal is { } theirs
            ? Consensus.Resolve(agreed, disagreements, theirs).Final
            : null;
        var step = ConsensusRule.Decide(user, coders, final, otherConfirmed);
        if (step == ConsensusStep.Refuse)
            return Problems.Forbidden(ConsensusRule.Refusal);
        // A coder's confirmation is kept on their own (submitted) work, so the other's can be matched against it.
        if (pair.FirstOrDefault(w => w.Coder == user.Name()) is { } mine)
        {
            mine.ConsensusProposal = choices;
            if (await codings.TrySaveAsync(mine, mine.ETag, ct) is null)
                return Stale();
        }
        if (step == ConsensusStep.Confirm)
            return TypedResults.Ok(
                new ConsensusSaved(
                    $"You confirmed this consensus. It becomes the final coding "
                        + $"when {other?.Coder} confirms the same.",
                    false
                )
            );

        var current = await codings.GetAsync(transcriptId, CoderWorkDocument.FinalCoder, ct);
        var by = user.IsInRole(Roles.StudyLead) ? $"the study lead {user.Name()}" : string.Join(" and ", coders);
        var work = new CoderWorkDocument
        {
            Id = CoderWorkDocument.IdFor(transcriptId, CoderWorkDocument.FinalCoder),
            TranscriptId = transcriptId,
            StudyId = studyId,
            Coder = CoderWorkDocument.FinalCoder,
            Codings = AnchoredCodings.Anchored(final, passages.ToDictionary(p => p.Key, p => p.Value.Text), []),
            Memos = [.. (request.Memos ?? []).Select(m => m.ToEntry()), new Memo(null, $"Consensus saved by {by}.")],
            Submitted = true,
            SubmittedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        return await codings.TrySaveAsync(work, current?.ETag, ct) is null
            ? Stale()
            : TypedResults.Ok(new ConsensusSaved("Consensus saved as the final coding.", true));
    }

    static Dictionary<int, int> Lengths(Dictionary<int, SegmentDocument> passages) =>
        passages.ToDictionary(p => p.Key, p => p.Value.Text.Length);

    static Problem<Stale> Stale() =>
        Problems.PreconditionFailed("The consensus changed elsewhere since you loaded it; reload to carry on.");
}
