using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Uploads;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Exchange.Mapping;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Exchange;

/// <summary>
/// A study as a REFI-QDA project and back. Export takes the pseudonymised segments exactly as coders see them and the
/// coders' work the caller may see; import sends each source through the pipeline like any upload (so it is
/// pseudonymised) and keeps its codings as submitted prior work, which the suggestion engine then learns from.
/// </summary>
public sealed class StudyExchange(
    StudyStore studies,
    TranscriptStore transcripts,
    ReviewStore review,
    CodingStore codings,
    TranscriptUploads uploads,
    AnchoredCodings anchored,
    TimeProvider clock
)
{
    public static string SourceGuid(string transcriptId) => CodebookQdc.Guid("transcript", transcriptId);

    /// <param name="mayInclude">Which coders' work goes in: blind double coding decides this, not the exporter.</param>
    public async Task<QdaProject> ExportAsync(
        StudyDocument study,
        IEnumerable<TranscriptDocument> chosen,
        Func<CoderWorkDocument, bool> mayInclude,
        CancellationToken ct
    )
    {
        var codebook = study.Codebook ?? new Codebook(study.Name, []);
        var sources = new List<QdaSource>();
        var codingsOut = new List<QdaCoding>();
        var notes = new List<QdaNote>();
        var users = new SortedSet<string>(StringComparer.Ordinal);
        var documents = new Dictionary<string, TranscriptDocument>(StringComparer.OrdinalIgnoreCase);
        var roles = new Dictionary<string, SpeakerRoles>(StringComparer.OrdinalIgnoreCase);
        foreach (var transcript in chosen.Where(Exportable).OrderBy(t => t.ReceivedAt))
        {
            var turns = (await review.SegmentsAsync(transcript.Id, ct))
                .OrderBy(s => s.Segment)
                .Select(s => new SpeakerTurn(s.Segment, s.Speaker, s.Text, s.Start, s.End))
                .ToList();
            var source = TranscriptSource.Build(
                SourceGuid(transcript.Id),
                Path.GetFileNameWithoutExtension(transcript.FileName),
                turns
            );
            sources.Add(source);
            documents[source.Guid] = transcript;
            roles[source.Guid] = TranscriptParticipants.RolesOf(transcript, turns);
            foreach (
                var work in (await codings.ListAsync(transcript.Id, ct))
                    .Where(mayInclude)
                    .OrderBy(w => w.Coder, StringComparer.Ordinal)
            )
            {
                users.Add(work.Coder);
                foreach (var c in work.Codings.Where(c => codebook.Find(c.CodeId) is not null))
                    if (TranscriptSource.Offsets(source, c.Segment, c.Start, c.End) is var (start, end))
                        codingsOut.Add(new QdaCoding(source.Guid, start, end, c.CodeId, work.Coder));
                foreach (var memo in work.Memos)
                {
                    var at = memo.Segment is { } s ? TranscriptSource.Offsets(source, s, memo.Start, memo.End) : null;
                    notes.Add(
                        new QdaNote(
                            memo.Text,
                            work.Coder,
                            source.Guid,
                            at?.Start,
                            at?.End,
                            CodeId: memo.Code is { } code && codebook.Find(code) is not null ? code : null
                        )
                    );
                }
            }
        }
        var project = new QdaProject(
            study.Name,
            users.Select(u => new QdaUser(u, u)).ToList(),
            codebook,
            sources,
            codingsOut,
            notes,
            Sets: SearchSets(study, sources)
        );
        // Participants as cases with the transcript's values and the roles the study lead assigned; sites as sets.
        return ParticipantCases.Add(
            project,
            s => TranscriptParticipants.Attributes(study, documents[s.Guid], (s.Turns ?? []).Select(t => t.Speaker)),
            (s, speaker) => roles[s.Guid].VariableOf(speaker)
        );
    }

    /// <summary>
    /// Saved searches as sets of the exported transcripts they found passages in, with those passages (each a whole
    /// turn); the query and its filters go in the description (<see cref="SavedSearchText"/>).
    /// </summary>
    static List<QdaSet> SearchSets(StudyDocument study, IReadOnlyList<QdaSource> exported)
    {
        var byGuid = exported.ToDictionary(x => x.Guid, StringComparer.OrdinalIgnoreCase);
        return study
            .SearchSets.Select(set =>
            {
                var passages = set
                    .Passages.Select(p =>
                        byGuid.TryGetValue(SourceGuid(p.TranscriptId), out var source)
                        && TranscriptSource.Offsets(source, p.Segment) is var (start, end)
                            ? new QdaSpan(source.Guid, start, end)
                            : null
                    )
                    .OfType<QdaSpan>()
                    .Distinct()
                    .ToList();
                return new QdaSet(
                    CodebookQdc.Guid("search-set", set.Id),
                    set.Name,
                    passages.Select(p => p.SourceGuid).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    Description: SavedSearchText.Describe(
                        new SavedSearchQuery(set.Query, set.Site, set.Language, set.Role),
                        set.Passages.Count
                    ),
                    Passages: passages
                );
            })
            .Where(set => set.SourceGuids.Count > 0)
            .ToList();
    }

    public static bool Exportable(TranscriptDocument t) =>
        t.Status.IsAtLeast(TranscriptStatus.Pseudonymised)
        && t.Status is not (TranscriptStatus.Rejected or TranscriptStatus.Failed or TranscriptStatus.Superseded);

    /// <param name="Number">The source's place in the file, from 1.</param>
    /// <param name="Kind">Text, PDF, Picture, Audio or Video.</param>
    /// <param name="Outcome">The upload's outcome (Accepted, Duplicate, Rejected, …); <c>NotPlaced</c> when the file's
    /// source could not be read;
    /// <c>AlreadyInStudy</c> when the study (or an earlier source of the file) holds its text; <c>AwaitingChoice</c>
    /// when neither the file nor the importer said its site or its language (nothing is guessed).</param>
    /// <param name="Unplaced">Codings the file holds on it that are not in the study: not read from the file, or not
    /// found in the parsed text.</param>
    /// <param name="Roles">Participants whose role the file gave.</param>
    public sealed record ImportedSource(
        int Number,
        string Name,
        string Kind,
        string? TranscriptId,
        string Outcome,
        string Message,
        int Codings,
        int Unplaced,
        int Roles = 0,
        string? Site = null,
        string? Language = null
    );

    /// <param name="Summary">What the import did, in a sentence.</param>
    /// <param name="Problems">Everything the tolerant read found, by source number; never text.</param>
    public sealed record ImportReport(
        string? CodebookVersion,
        int CodesAdded,
        IReadOnlyList<ImportedSource> Sources,
        IReadOnlyList<QdpxFinding> Problems,
        string Summary = "",
        int SavedSearches = 0
    );

    public const string NotPlaced = "NotPlaced",
        AlreadyInStudy = "AlreadyInStudy",
        AwaitingChoice = "AwaitingChoice";

    static string Undecided(SourcePlan entry) =>
        (entry.Site, entry.Language) switch
        {
            (null, null) => "which site this source comes from or which language it is in",
            (null, _) => "which site this source comes from",
            _ => "which language this source is in",
        };

    /// <summary>
    /// Imports what the plan (<see cref="ImportPlans"/>) places: each source at its own site and language; sources the
    /// study already holds, and those whose site or language nobody named, are reported and not written.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        StudyDocument study,
        QdpxImport import,
        ImportPlan plan,
        string by,
        CancellationToken ct
    )
    {
        var project = import.Project;
        // Codes the study lacks join its codebook as a new version; the study's own codes stay as they are.
        var current = study.Codebook ?? new Codebook(project.Codebook.Name, []);
        var added = project.Codebook.Codes.Where(c => current.Find(c.Id) is null).ToList();
        string? version = null;
        if (added.Count > 0)
        {
            study.Codebook = current with { Codes = [.. current.Codes, .. added] };
            version = await studies.SetCodebookAsync(study.Id, study.Codebook, by, clock.GetUtcNow(), ct);
        }

        var participants = ParticipantCases.Read(project);
        var report = new List<ImportedSource>();
        // Where each source's text is in the study now, for its saved searches' passages.
        var placedAt = new Dictionary<string, (string TranscriptId, IReadOnlyList<SpeakerTurn> Turns)>(
            StringComparer.OrdinalIgnoreCase
        );
        IReadOnlyList<SpeakerTurn> TurnsOf(QdaSource source) =>
            TranscriptReader.Read(FileName(source.Name), System.Text.Encoding.UTF8.GetBytes(source.PlainText)).Turns;
        foreach (var entry in plan.Sources)
        {
            var inFile = import.Report.Sources.First(s => s.Number == entry.Number && s.Guid == entry.Guid);
            // What the reader could not place (no text, its text missing or unreadable) is reported, never uploaded.
            if (!entry.Placed || project.Source(entry.Guid) is not { } source)
            {
                report.Add(
                    new ImportedSource(
                        entry.Number,
                        entry.Name,
                        entry.Kind,
                        null,
                        NotPlaced,
                        entry.Reason ?? "The source could not be read.",
                        0,
                        inFile.CodingsNotPlaced
                    )
                );
                continue;
            }
            if (!entry.Ready)
            {
                if (entry.DuplicateOfTranscript is { } held)
                    placedAt[source.Guid] = (held, TurnsOf(source));
                report.Add(
                    new ImportedSource(
                        entry.Number,
                        source.Name,
                        entry.Kind,
                        entry.DuplicateOfTranscript,
                        entry.IsDuplicate ? AlreadyInStudy : AwaitingChoice,
                        entry.DuplicateOfTranscript is not null
                                ? "The study already holds this text; it was not imported again."
                            : entry.DuplicateOfSource is { } first
                                ? $"The same text as source {first} of the file; it was imported once."
                            : $"Neither the file nor the import said {Undecided(entry)}; it was not imported. Choose "
                                + "on the import page and import the file again.",
                        0,
                        inFile.CodingsPlaced + inFile.CodingsNotPlaced,
                        0,
                        entry.IsDuplicate ? null : entry.Site,
                        entry.IsDuplicate ? null : entry.Language
                    )
                );
                continue;
            }
            var fileName = FileName(source.Name);
            var content = System.Text.Encoding.UTF8.GetBytes(source.PlainText);
            var result = await uploads.UploadAsync(
                new UploadMetadata(study.Id, entry.Site!, entry.Language, fileName, UploadedBy: by),
                content,
                ct
            );
            if (
                result.Transcript is null
                || result.Outcome is IntakeOutcome.Rejected or IntakeOutcome.Invalid or IntakeOutcome.UnknownStudy
            )
            {
                report.Add(
                    new ImportedSource(
                        entry.Number,
                        source.Name,
                        entry.Kind,
                        result.Transcript?.Id,
                        result.Outcome.ToString(),
                        result.Message,
                        0,
                        inFile.CodingsPlaced + inFile.CodingsNotPlaced,
                        0,
                        entry.Site,
                        entry.Language
                    )
                );
                continue;
            }
            // The same parse ingest will make, so turn numbers here are the segments' numbers there.
            var turns = TranscriptReader.Read(fileName, content).Turns;
            placedAt[source.Guid] = (result.Transcript.Id, turns);
            var (placed, unplaced) = await SaveCodingsAsync(result.Transcript, project, source, turns, ct);
            var roles = await SaveParticipantsAsync(result.Transcript, source, participants, turns, ct);
            report.Add(
                new ImportedSource(
                    entry.Number,
                    source.Name,
                    entry.Kind,
                    result.Transcript.Id,
                    result.Outcome.ToString(),
                    result.Message,
                    placed,
                    unplaced + inFile.CodingsNotPlaced,
                    roles,
                    result.Transcript.SiteId,
                    result.Transcript.Language
                )
            );
        }
        // A source the same as an earlier one of the file is where that one went.
        foreach (var entry in plan.Sources.Where(e => e.DuplicateOfSource is not null))
            if (
                plan.Sources.FirstOrDefault(e => e.Number == entry.DuplicateOfSource)?.Guid is { } first
                && placedAt.TryGetValue(first, out var at)
            )
                placedAt.TryAdd(entry.Guid, at);
        var searches = ImportedSearches.From(project, placedAt, study.SearchSets, by, clock.GetUtcNow());
        if (searches.Count > 0)
            await studies.SetSearchSetsAsync(study.Id, [.. study.SearchSets, .. searches], ct);
        var problems = Findings(import);
        return new ImportReport(
            version,
            added.Count,
            report,
            problems,
            Summary(report, searches.Count),
            searches.Count
        );
    }

    /// <summary>What reading the file found, and the memos the study has no place for (it keeps memos with
    /// transcripts): the dry run says so before the import does.</summary>
    public static List<QdpxFinding> Findings(QdpxImport import)
    {
        var problems = import.Report.Problems.ToList();
        if (import.Project.Notes.Count(n => n.SourceGuid is null) is > 0 and var loose)
            problems.Add(
                new QdpxFinding(
                    QdpxProblem.MemoWithoutTranscript,
                    $"{loose} memo(s) are about no source of the file (a code alone, the project as a whole, or a "
                        + "source that could not be read); the study keeps memos with transcripts, so they are not "
                        + "imported."
                )
            );
        if (ImportedSearches.OfWholeSources(import.Project).Count() is > 0 and var groups)
            problems.Add(
                new QdpxFinding(
                    QdpxProblem.SetOfSources,
                    $"{groups} set(s) group whole sources, with no passages or codes; the study's saved searches "
                        + "hold passages, so each becomes a saved search holding every passage of its sources that "
                        + "the study has."
                )
            );
        return problems;
    }

    static string Summary(IReadOnlyList<ImportedSource> sources, int searches)
    {
        var imported = sources.Count(s => s.Outcome == nameof(IntakeOutcome.Accepted));
        var parts = new List<string> { imported == 0 ? "Nothing was imported" : $"{imported} source(s) imported" };
        void Add(string outcome, string words)
        {
            if (sources.Count(s => s.Outcome == outcome) is > 0 and var n)
                parts.Add($"{n} {words}");
        }
        Add(AlreadyInStudy, "already in the study, not imported again");
        Add(AwaitingChoice, "wait for a site or language to be chosen, not imported");
        Add(NotPlaced, "without text that can be read");
        if (searches > 0)
            parts.Add($"{searches} saved search(es) added");
        return string.Join("; ", parts) + ".";
    }

    /// <summary>
    /// Keeps what the file says of a source's participants: each speaker's role, by a turn they speak (their label may
    /// be a name until pseudonymised), and the interview type when it is one of ours (a free-text value could name
    /// someone). Case names and other values are not kept.
    /// </summary>
    async Task<int> SaveParticipantsAsync(
        TranscriptDocument transcript,
        QdaSource source,
        IReadOnlyList<CaseParticipant> participants,
        IReadOnlyList<SpeakerTurn> turns,
        CancellationToken ct
    )
    {
        var ofSource = participants
            .Where(p => string.Equals(p.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var rolesByTurn = new Dictionary<int, ParticipantRole>();
        foreach (var participant in ofSource)
            if (
                participant is { Speaker: { } speaker, Role: { } role }
                && turns.FirstOrDefault(t => t.Speaker == speaker) is { } turn
            )
                rolesByTurn[turn.Index] = role;
        var written =
            TranscriptAttributes.From(source.Values).InterviewType
            ?? ofSource
                .Select(p => p.Values.GetValueOrDefault(StudyVariables.InterviewType))
                .FirstOrDefault(v => v is not null);
        var interviewType =
            TranscriptParticipants.InterviewTypes.FirstOrDefault(t =>
                string.Equals(t, written?.Trim(), StringComparison.OrdinalIgnoreCase)
            ) ?? transcript.InterviewType;
        if (rolesByTurn.Count > 0 || interviewType != transcript.InterviewType)
            await transcripts.SetImportedParticipantsAsync(
                transcript.StudyId,
                transcript.Id,
                rolesByTurn,
                interviewType,
                ct
            );
        return rolesByTurn.Count;
    }

    async Task<(int Placed, int Unplaced)> SaveCodingsAsync(
        TranscriptDocument transcript,
        QdaProject project,
        QdaSource source,
        IReadOnlyList<SpeakerTurn> turns,
        CancellationToken ct
    )
    {
        int placed = 0,
            unplaced = 0;
        var ofSource = project
            .Codings.Where(c => string.Equals(c.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var notes = project
            .Notes.Where(n => string.Equals(n.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (
            var coder in ofSource
                .Select(c => c.UserId)
                .Concat(notes.Select(n => n.UserId))
                .Distinct(StringComparer.Ordinal)
        )
        {
            // A replayed import leaves the work it recorded the first time.
            if (await codings.GetAsync(transcript.Id, CoderName(project, coder), ct) is not null)
                continue;
            var entries = new List<CodingEntry>();
            foreach (var c in ofSource.Where(c => c.UserId == coder))
            {
                if (TranscriptSource.Locate(turns, source.Passage(c.Start, c.End)) is var (turn, start, end))
                {
                    entries.Add(
                        new CodingEntry(turn, c.CodeId, "imported", start, end, InOriginal: start is null ? null : true)
                    );
                    placed++;
                }
                else
                    unplaced++;
            }
            var memos = notes
                .Where(n => n.UserId == coder)
                .Select(n =>
                    n.Start is { } s
                    && n.End is { } e
                    && TranscriptSource.Locate(turns, source.Passage(s, e)) is var (turn, start, end)
                        ? new Memo(turn, n.Text, n.CodeId, start, end, InOriginal: start is null ? null : true)
                        : new Memo(null, n.Text, n.CodeId)
                )
                .ToList();
            var name = CoderName(project, coder);
            await codings.TrySaveAsync(
                new CoderWorkDocument
                {
                    Id = CoderWorkDocument.IdFor(transcript.Id, name),
                    TranscriptId = transcript.Id,
                    StudyId = transcript.StudyId,
                    Coder = name,
                    Submitted = true,
                    SubmittedAt = clock.GetUtcNow(),
                    Codings = entries.Distinct().ToList(),
                    Memos = memos,
                    UpdatedAt = clock.GetUtcNow(),
                },
                null,
                ct
            );
        }
        // Offsets count in the file's (original) text until the transcript's pseudonymised version carries them.
        if (placed > 0 || notes.Count > 0)
            await anchored.CarryImportedAsync(transcript.Id, turns.ToDictionary(t => t.Index, t => t.Text), ct);
        return (placed, unplaced);
    }

    static string CoderName(QdaProject project, string userId) =>
        project.Users.FirstOrDefault(u => u.Id == userId)?.Name is { Length: > 0 } name ? name : userId;

    /// <summary>A source's name as a safe .txt file name: other tools' names can hold anything.</summary>
    static string FileName(string name)
    {
        var safe = new string(
            name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '-').ToArray()
        ).Trim(' ', '.', '-');
        if (safe.Length > 120)
            safe = safe[..120];
        return (safe.Length == 0 ? "imported-source" : safe) + ".txt";
    }
}
