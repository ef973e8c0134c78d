using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// The role of a turn's speaker, one answer for every view: the matrix by role, the role filter of the code view and
/// the code tree, search, quote citations and exports. The role the study lead assigned on the speakers page comes
/// first, then one an imported project gave, then the label a site wrote with the speaker (<c>#9 (PSW)</c>).
/// </summary>
public sealed class SpeakerRoles
{
    readonly Dictionary<string, ParticipantRole> _assigned;

    SpeakerRoles(Dictionary<string, ParticipantRole> assigned) => _assigned = assigned;

    /// <param name="turns">The transcript's turns by number and speaker: an imported role is kept by a turn its speaker
    /// speaks (the label is known once pseudonymised).</param>
    public static SpeakerRoles Of(TranscriptDocument transcript, IEnumerable<(int Turn, string Speaker)> turns)
    {
        var roles = new Dictionary<string, ParticipantRole>(StringComparer.Ordinal);
        if (transcript.ImportedRoles.Count > 0)
            foreach (var (turn, speaker) in turns)
                if (transcript.ImportedRoles.TryGetValue(turn, out var imported))
                    roles[speaker] = imported;
        foreach (var (speaker, role) in transcript.SpeakerRoles)
            roles[speaker] = role;
        return new(roles);
    }

    public static SpeakerRoles Of(TranscriptDocument transcript, IEnumerable<SegmentDocument> turns) =>
        Of(transcript, turns.Select(s => (s.Segment, s.Speaker)));

    /// <summary>Roles assigned (by the study lead or an import), by speaker.</summary>
    public IReadOnlyDictionary<string, ParticipantRole> Assigned => _assigned;

    /// <summary>The speaker's role as views show, count and filter it: an assigned one by its name
    /// (<c>peer worker</c>), else the speaker's label (<c>PSW</c>); null with neither.</summary>
    public string? RoleOf(string speaker) =>
        _assigned.TryGetValue(speaker, out var role) ? StudyVariables.RoleValue(role) : SpeakerCitation.RoleOf(speaker);

    /// <summary>The speaker's role as a participant variable (exports): an assigned one, else a label that names one
    /// (<c>#3 (Staff)</c>).</summary>
    public ParticipantRole? VariableOf(string speaker) =>
        _assigned.TryGetValue(speaker, out var role) ? role : StudyVariables.ParseRole(SpeakerCitation.RoleOf(speaker));

    /// <summary>Whether a role filter picks a role: the same words in any case, or the same role however written
    /// (<c>peer worker</c>, <c>PeerWorker</c>).</summary>
    public static bool Matches(string? role, string filter) =>
        role is not null
        && (
            string.Equals(role, filter.Trim(), StringComparison.OrdinalIgnoreCase)
            || StudyVariables.ParseRole(role) is { } a && a == StudyVariables.ParseRole(filter)
        );
}
