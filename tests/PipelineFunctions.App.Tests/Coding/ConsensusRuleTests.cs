using System.Security.Claims;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class ConsensusRuleTests
{
    static readonly string[] Pair = ["ann", "ben"];
    static readonly List<CodingEntry> Proposed = [new(1, "stigma", "consensus", 0, 4)];

    static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));

    [Fact]
    public void The_study_lead_saves_the_consensus_alone()
    {
        Assert.Equal(ConsensusStep.Save, ConsensusRule.Decide(User("lee", Roles.StudyLead), Pair, Proposed, null));
    }

    [Fact]
    public void One_coder_of_the_pair_alone_only_confirms_it()
    {
        Assert.Equal(ConsensusStep.Confirm, ConsensusRule.Decide(User("ann", Roles.Coder), Pair, Proposed, null));
    }

    [Fact]
    public void It_is_saved_when_the_second_coder_confirms_the_same_coding()
    {
        Assert.Equal(
            ConsensusStep.Save,
            ConsensusRule.Decide(User("ben", Roles.Coder), Pair, Proposed, [new(1, "stigma", "consensus", 0, 4)])
        );
    }

    [Fact]
    public void A_second_coder_confirming_another_coding_waits_for_the_first_to_confirm_that()
    {
        Assert.Equal(
            ConsensusStep.Confirm,
            ConsensusRule.Decide(User("ben", Roles.Coder), Pair, Proposed, [new(1, "stigma", "consensus", 0, 9)])
        );
    }

    [Fact]
    public void A_coder_outside_the_pair_is_refused()
    {
        Assert.Equal(ConsensusStep.Refuse, ConsensusRule.Decide(User("cy", Roles.Coder), Pair, Proposed, Proposed));
    }

    [Fact]
    public void The_other_coder_is_the_one_of_the_pair_who_is_not_the_caller()
    {
        Assert.Equal("ben", ConsensusRule.Other(User("ann", Roles.Coder), Pair));
        Assert.Equal("ann", ConsensusRule.Other(User("ben", Roles.Coder), Pair));
    }
}
