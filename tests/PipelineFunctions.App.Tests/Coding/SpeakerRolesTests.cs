using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class SpeakerRolesTests
{
    static readonly (int, string)[] Turns =
    [
        (1, "Interviewer"),
        (2, "#9 (PSW)"),
        (3, "#4 (PSW)"),
        (4, "P3"),
        (5, "P7"),
    ];

    static TranscriptDocument Transcript(
        Dictionary<string, ParticipantRole>? assigned = null,
        Dictionary<int, ParticipantRole>? imported = null
    ) =>
        new()
        {
            Id = "t",
            SpeakerRoles = assigned ?? [],
            ImportedRoles = imported ?? [],
        };

    [Fact]
    public void The_role_the_study_lead_assigned_comes_before_the_label_in_the_speakers_name()
    {
        var roles = SpeakerRoles.Of(Transcript(new() { ["#9 (PSW)"] = ParticipantRole.Staff }), Turns);
        Assert.Equal("staff", roles.RoleOf("#9 (PSW)"));
        Assert.Equal("PSW", roles.RoleOf("#4 (PSW)"));
        Assert.Null(roles.RoleOf("P3"));
    }

    [Fact]
    public void An_imported_role_is_found_by_a_turn_its_speaker_speaks_and_the_lead_overrides_it()
    {
        var roles = SpeakerRoles.Of(
            Transcript(
                new() { ["P7"] = ParticipantRole.Carer },
                new() { [4] = ParticipantRole.ServiceUser, [5] = ParticipantRole.Staff }
            ),
            Turns
        );
        Assert.Equal("service user", roles.RoleOf("P3"));
        Assert.Equal("carer", roles.RoleOf("P7"));
        Assert.Equal(ParticipantRole.ServiceUser, roles.Assigned["P3"]);
    }

    [Fact]
    public void As_an_export_variable_a_label_counts_only_when_it_names_a_role()
    {
        var roles = SpeakerRoles.Of(Transcript(new() { ["P3"] = ParticipantRole.PeerWorker }), Turns);
        Assert.Equal(ParticipantRole.PeerWorker, roles.VariableOf("P3"));
        Assert.Equal(ParticipantRole.Staff, roles.VariableOf("#2 (Staff)"));
        Assert.Null(roles.VariableOf("#9 (PSW)"));
    }

    [Theory]
    [InlineData("peer worker", "Peer Worker", true)]
    [InlineData("peer worker", "PeerWorker", true)]
    [InlineData("peer worker", " peer-worker ", true)]
    [InlineData("PSW", "psw", true)]
    [InlineData("PSW", "peer worker", false)]
    [InlineData("staff", "service user", false)]
    [InlineData(null, "staff", false)]
    public void A_role_filter_picks_the_same_role_however_it_is_written(string? role, string filter, bool picked)
    {
        Assert.Equal(picked, SpeakerRoles.Matches(role, filter));
    }
}
