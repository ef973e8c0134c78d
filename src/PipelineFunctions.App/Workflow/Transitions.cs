using PipelineFunctions.App.Model;
using static PipelineFunctions.App.Model.TranscriptStatus;

namespace PipelineFunctions.App.Workflow;

/// <summary>What a stage does with a transcript that stands at a status, read from the table.</summary>
public enum StageStep
{
    /// <summary>The status is one the stage takes a transcript from: do the work.</summary>
    Run,

    /// <summary>The stage wrote this status already (it died after the write): a retry hands on, a duplicate does nothing.</summary>
    Done,

    /// <summary>Further along, or ended, or in another branch: nothing to do.</summary>
    Passed,

    /// <summary>Not there yet: fail this try, so the message comes back once the transcript has caught up.</summary>
    Early,
}

/// <summary>
/// The transcript's life as rows (from, trigger, to): the one statement of pipeline order. The stage table's statuses,
/// each stage's guard (<see cref="StepFor"/>), where a transcript goes next (<see cref="NextStage"/>), the sweep,
/// replay, the dashboard's latency spans and "how far along" (<see cref="Reached"/>) are all read from here, and
/// <see cref="TranscriptWorkflow.MoveAsync"/> refuses a move no row allows.
/// A new step is a status and a row or two: a step for some studies only names its study setting in <c>Setting</c>,
/// and the row the step replaces names the opposite.
/// </summary>
public static class Transitions
{
    static bool Paired(TranscriptDocument t) => t.IsPaired;

    static bool Unpaired(TranscriptDocument t) => !t.IsPaired;

    static bool IsTranslation(TranscriptDocument t) => t.TranslationOf is not null;

    static bool Released(TranscriptDocument t) => t.Released is not null;

    static bool Unreleased(TranscriptDocument t) => t.Released is null;

    static bool ChecksSites(StudyDocument s) => s.SiteCheck;

    static bool ChecksNoSites(StudyDocument s) => !s.SiteCheck;

    /// <summary>Statuses nothing moves on from by itself: a person or an admin's replay may.</summary>
    public static readonly IReadOnlySet<TranscriptStatus> Endings = new HashSet<TranscriptStatus>
    {
        Rejected,
        Failed,
        Superseded,
    };

    static readonly TranscriptStatus[] Statuses = Enum.GetValues<TranscriptStatus>();

    public static readonly IReadOnlyList<Transition> All =
    [
        // The machine stages, in pipeline order.
        new(Received, Trigger.Ingest, Parsed, Hand.Upload),
        // With the site's check, a transcript the site has not yet released waits for it; released once, a version
        // made again after a correction goes straight on (the site's decisions made it).
        new(Parsed, Trigger.Pseudonymise, AwaitingSiteCheck, Hand.Queued, Unreleased, ChecksSites),
        new(Parsed, Trigger.Pseudonymise, Pseudonymised, Hand.Queued, Setting: ChecksNoSites),
        new(Parsed, Trigger.Pseudonymise, Pseudonymised, Hand.Queued, Released),
        // A source or translation goes to the check; whichever half came first waits there for the other.
        new(Pseudonymised, Trigger.CheckTranslation, AwaitingTranslationCheck, Hand.Queued, Paired),
        new(Pseudonymised, Trigger.CheckTranslation, AwaitingTranslationReview, Hand.Queued, Paired),
        new(AwaitingTranslationCheck, Trigger.CheckTranslation, AwaitingTranslationReview, Hand.Woken),
        // The other half goes to review with it: once waiting, or, after a correction, from wherever it stood.
        .. new[]
        {
            Pseudonymised,
            AwaitingTranslationReview,
            TranslationQueried,
            TranslationApproved,
            SuggestionsReady,
        }.Select(from => new Transition(
            from,
            Trigger.CheckTranslation,
            AwaitingTranslationReview,
            Hand.Alongside,
            Paired
        )),
        new(Pseudonymised, Trigger.Suggest, SuggestionsReady, Hand.Queued, Unpaired),
        // An approved source rests; its translation is what coders code.
        new(TranslationApproved, Trigger.Suggest, SuggestionsReady, Hand.Queued, IsTranslation),
        // The site's researcher (or the custodian) releases a checked transcript to the translation check or suggestion.
        new(AwaitingSiteCheck, Trigger.Release, Pseudonymised, Hand.Person),
        // An original with no translation: the lead or the site may choose to code it in its own language; it then stands
        // alone (no longer paired) and goes on to suggestions.
        new(AwaitingTranslationCheck, Trigger.CodeInOriginal, Pseudonymised, Hand.Person),
        // The translation lead's decisions on a pair.
        new(AwaitingTranslationReview, Trigger.Approve, TranslationApproved, Hand.Person),
        new(TranslationQueried, Trigger.Approve, TranslationApproved, Hand.Person),
        new(AwaitingTranslationReview, Trigger.Query, TranslationQueried, Hand.Person),
        new(TranslationQueried, Trigger.Query, TranslationQueried, Hand.Person),
        // Bookkeeping. An unusable upload; a corrected roster or allow list sends a pseudonymised transcript back.
        new(Received, Trigger.Reject, Rejected, Hand.Pipeline),
        .. Statuses
            .Where(s => s is not (Received or Rejected or Superseded))
            .Select(from => new Transition(from, Trigger.Correct, Parsed, Hand.Pipeline)),
        // A corrected translation replaces the earlier one wherever it stood.
        .. Statuses
            .Where(s => s != Superseded)
            .Select(from => new Transition(from, Trigger.Supersede, Superseded, Hand.Pipeline)),
        // A stage's last failed try, from wherever the stage found it; an admin's replay returns it to where it failed.
        .. Statuses
            .Where(s => !Endings.Contains(s))
            .Select(from => new Transition(from, Trigger.Fail, Failed, Hand.Pipeline)),
        .. Statuses
            .Where(s => !Endings.Contains(s))
            .Select(to => new Transition(Failed, Trigger.Replay, to, Hand.Pipeline)),
    ];

    /// <summary>
    /// Rows that carry a transcript forward: not a correction or a replay (they send it back), an ending, the other half
    /// of a pair going back to review with it, or an original that stops waiting for its translation (it steps back to
    /// where a transcript that stands alone goes on from).
    /// </summary>
    static readonly Transition[] Forward =
    [
        .. All.Where(r => r.Hand is not (Hand.Pipeline or Hand.Alongside) && r.Trigger != Trigger.CodeInOriginal),
    ];

    /// <summary>Every row of a trigger.</summary>
    public static IEnumerable<Transition> Of(Trigger trigger) => All.Where(r => r.Trigger == trigger);

    /// <summary>True when some row lets a transcript move from one status to the other.</summary>
    public static bool Allows(TranscriptStatus from, TranscriptStatus to) => All.Any(r => r.From == from && r.To == to);

    /// <summary>True when a row of this trigger lets a transcript move from one status to the other.</summary>
    public static bool Allows(Trigger trigger, TranscriptStatus from, TranscriptStatus to) =>
        All.Any(r => r.Trigger == trigger && r.From == from && r.To == to);

    /// <summary>The machine stage that takes a transcript at this status when it arrives there, if any (queued by the workflow).</summary>
    public static Trigger? NextStage(TranscriptDocument transcript, TranscriptStatus status) =>
        All.FirstOrDefault(r => r.From == status && r.Hand == Hand.Queued && r.AppliesTo(transcript))?.Trigger;

    /// <summary>
    /// Where a stage's run takes a transcript from <paramref name="from"/>: the row's target for this transcript and study
    /// (a study setting may add a step). Null when the stage has no row from there.
    /// </summary>
    public static TranscriptStatus? Target(
        Trigger stage,
        TranscriptStatus from,
        TranscriptDocument transcript,
        StudyDocument? study = null
    ) =>
        Of(stage)
            .FirstOrDefault(r => r.From == from && r.IsStageRun && r.AppliesTo(transcript) && r.AppliesTo(study))
            ?.To;

    /// <summary>The stage's guard: whether its message should do the work, hand on, or nothing, for a transcript at its status.</summary>
    public static StageStep StepFor(Trigger stage, TranscriptDocument transcript)
    {
        var runs = Of(stage).Where(r => r.IsStageRun).ToList();
        var status = transcript.Status;
        if (runs.Any(r => r.From == status && r.AppliesTo(transcript)))
            return StageStep.Run;
        if (runs.Any(r => r.To == status))
            return StageStep.Done;
        if (Endings.Contains(status) || runs.Any(r => Reachable(r.To, status)))
            return StageStep.Passed;
        // Early only on the way to the stage: a status in a branch after it (a pair in review, for suggestion) is not.
        return runs.Any(r => Reachable(status, r.From)) && !runs.Any(r => Reachable(r.From, status))
            ? StageStep.Early
            : StageStep.Passed;
    }

    /// <summary>
    /// How far along: true when <paramref name="status"/> is <paramref name="milestone"/> or comes after it (reachable
    /// from it by forward rows), or is an ending (nothing more will happen before someone retries).
    /// </summary>
    public static bool IsAtLeast(this TranscriptStatus status, TranscriptStatus milestone) =>
        Endings.Contains(status) || Reachable(milestone, status);

    /// <summary>The statuses a machine stage takes a transcript from by itself (what the sweep looks at).</summary>
    public static IReadOnlyList<TranscriptStatus> Waiting { get; } =
    [.. All.Where(r => r.Hand is Hand.Queued or Hand.Upload).Select(r => r.From).Distinct()];

    /// <summary>The stage that should be taking a transcript from where it stands, if one should (for the sweep and replay).</summary>
    public static Trigger? Awaited(TranscriptDocument transcript) =>
        All.FirstOrDefault(r =>
            r.From == transcript.Status && r.Hand is Hand.Queued or Hand.Upload && r.AppliesTo(transcript)
        )?.Trigger;

    static readonly Dictionary<(TranscriptStatus, TranscriptStatus), bool> ReachableCache = Statuses
        .SelectMany(a => Statuses.Select(b => (a, b)))
        .ToDictionary(p => p, p => Search(p.a, p.b));

    static bool Reachable(TranscriptStatus from, TranscriptStatus to) => ReachableCache[(from, to)];

    static bool Search(TranscriptStatus from, TranscriptStatus to)
    {
        var seen = new HashSet<TranscriptStatus> { from };
        var queue = new Queue<TranscriptStatus>([from]);
        while (queue.TryDequeue(out var s))
        {
            if (s == to)
                return true;
            foreach (var r in Forward)
                if (r.From == s && seen.Add(r.To))
                    queue.Enqueue(r.To);
        }
        return false;
    }
}
