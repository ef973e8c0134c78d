using System.Text.RegularExpressions;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Gives an exported study what other tools compare by: each transcript its own variable values, a case per participant
/// (one speaker pseudonym within one transcript, holding that speaker's turns) with the transcript's values and the
/// speaker's role, and a set of transcripts per site. The App supplies the values; nothing here guesses them.
/// </summary>
public static partial class ParticipantCases
{
    /// <param name="attributesOf">A transcript's site, country, language and interview type (null: none known).</param>
    /// <param name="roleOf">A speaker's role in a transcript, as the study lead assigned it (null: not
    /// assigned).</param>
    /// <param name="isParticipant">Which speakers are participants; by default all but the interviewer's side
    /// (interviewer, facilitator, moderator, researcher, note taker, translator) and the "Unknown" speaker.</param>
    public static QdaProject Add(
        QdaProject project,
        Func<QdaSource, TranscriptAttributes?> attributesOf,
        Func<QdaSource, string, ParticipantRole?>? roleOf = null,
        Func<QdaSource, string, bool>? isParticipant = null
    )
    {
        isParticipant ??= (_, speaker) => IsParticipant(speaker);
        var sources = project.Sources.Select(s => s with { Values = attributesOf(s)?.Values() ?? s.Values }).ToList();
        var cases = new List<QdaCase>(project.Cases ?? []);
        foreach (var source in sources)
        foreach (
            var speaker in (source.Turns ?? [])
                .Select(t => t.Speaker)
                .Distinct(StringComparer.Ordinal)
                .Where(s => isParticipant(source, s))
        )
        {
            var values = new Dictionary<string, string>(
                source.Values ?? new Dictionary<string, string>(),
                StringComparer.Ordinal
            );
            if (roleOf?.Invoke(source, speaker) is { } role)
                values[StudyVariables.Role] = StudyVariables.RoleValue(role);
            var passages = source
                .Turns!.Where(t => t.Speaker == speaker)
                .Select(t =>
                    TranscriptSource.Offsets(source, t.Index) is var (start, end)
                        ? new QdaSpan(source.Guid, start, end)
                        : null
                )
                .OfType<QdaSpan>()
                .ToList();
            cases.Add(
                new QdaCase(
                    QdaGuids.Case(source.Guid, speaker),
                    $"{speaker} — {source.Name}",
                    values,
                    [source.Guid],
                    passages
                )
            );
        }
        var sets = new List<QdaSet>(project.Sets ?? []);
        sets.AddRange(
            sources
                .Where(s => s.Values?.ContainsKey(StudyVariables.Site) == true)
                .GroupBy(s => s.Values![StudyVariables.Site], StringComparer.Ordinal)
                .Select(site => new QdaSet(
                    QdaGuids.Set("site", site.Key),
                    SitePrefix + site.Key,
                    site.Select(s => s.Guid).ToList(),
                    Description: "The transcripts from one study site."
                ))
        );
        var variables = (project.Variables ?? [])
            .Concat(StudyVariables.All.Where(v => project.Variables?.Any(p => p.Name == v.Name) != true))
            .ToList();
        return project with { Sources = sources, Cases = cases, Sets = sets, Variables = variables };
    }

    /// <summary>
    /// The cases of a read project per source and speaker, so an import can give each speaker their role back: the
    /// speaker is the label of the line each passage starts in (as our export writes one <c>Speaker: text</c> line per
    /// turn), when all of a case's passages in that source agree.
    /// </summary>
    public static IReadOnlyList<CaseParticipant> Read(QdaProject project)
    {
        var participants = new List<CaseParticipant>();
        foreach (var @case in project.Cases ?? [])
        foreach (
            var sourceGuid in @case
                .SourceGuids.Concat(@case.Passages.Select(p => p.SourceGuid))
                .Distinct(StringComparer.OrdinalIgnoreCase)
        )
        {
            if (project.Source(sourceGuid) is not { } source)
                continue;
            var speakers = @case
                .Passages.Where(p => string.Equals(p.SourceGuid, sourceGuid, StringComparison.OrdinalIgnoreCase))
                .Select(p => SpeakerOfLine(source.PlainText, p.Start))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            participants.Add(
                new CaseParticipant(
                    source.Guid,
                    speakers is [{ } speaker] ? speaker : null,
                    @case.Name,
                    StudyVariables.ParseRole(@case.Values.GetValueOrDefault(StudyVariables.Role)),
                    @case.Values
                )
            );
        }
        return participants;
    }

    /// <summary>
    /// Whether a speaker label is a participant's: not the interviewer's side (<see cref="InterviewerSide"/>).
    /// </summary>
    const string SitePrefix = "Site: ";

    /// <summary>Whether a set is one of a study's sites as <see cref="Add"/> writes them (the sources carry the site
    /// as a value as well).</summary>
    public static bool IsSiteSet(QdaSet set) =>
        set.Name.StartsWith(SitePrefix, StringComparison.Ordinal)
        && string.Equals(
            set.Guid,
            QdaGuids.Set("site", set.Name[SitePrefix.Length..]),
            StringComparison.OrdinalIgnoreCase
        );

    public static bool IsParticipant(string speaker) => !InterviewerSide.Includes(speaker);

    static string? SpeakerOfLine(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var lineEnd = text.IndexOf('\n', offset);
        return Transcripts.SpeakerLabels.Match(text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)])?.Speaker;
    }
}
