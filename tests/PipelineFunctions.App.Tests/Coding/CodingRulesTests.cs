using System.Security.Claims;
using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Security;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class CodingRulesTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    static TranscriptDocument Transcript(string id, TranscriptStatus status, int minutes) =>
        new()
        {
            Id = id,
            StudyId = "s",
            Status = status,
            ReceivedAt = T0.AddMinutes(minutes),
        };

    static CoderWorkDocument Work(string coder, bool submitted, int minutes = 0) =>
        new()
        {
            Coder = coder,
            Submitted = submitted,
            SubmittedAt = submitted ? T0.AddMinutes(minutes) : null,
        };

    static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));

    [Fact]
    public void Ready_transcripts_are_those_with_suggestions_oldest_first_ties_by_id()
    {
        var ready = CodingRules.Ready([
            Transcript("b", TranscriptStatus.SuggestionsReady, 5),
            Transcript("a", TranscriptStatus.SuggestionsReady, 5),
            Transcript("c", TranscriptStatus.SuggestionsReady, 1),
            Transcript("d", TranscriptStatus.Pseudonymised, 0),
            Transcript("e", TranscriptStatus.AwaitingTranslationReview, 0),
        ]);
        Assert.Equal(["c", "a", "b"], ready.Select(t => t.Id));
    }

    [Fact]
    public void The_first_n_ready_transcripts_and_the_named_ones_are_double_coded()
    {
        var ready = new[] { "a", "b", "c", "d" }
            .Select((id, i) => Transcript(id, TranscriptStatus.SuggestionsReady, i))
            .ToList();
        var study = new StudyDocument { DoubleCodeFirst = 2, DoubleCodeTranscripts = ["d"] };
        Assert.Equal(["a", "b", "d"], CodingRules.DoubleCoded(study, ready).Order());
    }

    [Fact]
    public void No_transcript_is_double_coded_by_default()
    {
        Assert.Empty(
            CodingRules.DoubleCoded(new StudyDocument(), [Transcript("a", TranscriptStatus.SuggestionsReady, 0)])
        );
    }

    [Fact]
    public void The_consensus_is_the_final_coding_where_there_is_one()
    {
        var final = Work(CoderWorkDocument.FinalCoder, submitted: false);
        Assert.Same(final, CodingRules.Final([Work("ann", true), Work("ben", true), final]));
    }

    [Fact]
    public void One_submitted_coding_is_final_and_two_without_consensus_are_not()
    {
        var ann = Work("ann", true);
        Assert.Same(ann, CodingRules.Final([ann, Work("ben", false)]));
        Assert.Null(CodingRules.Final([ann, Work("ben", true)]));
        Assert.Null(CodingRules.Final([Work("ann", false)]));
    }

    [Fact]
    public void Agreement_compares_the_first_two_to_submit_never_the_consensus()
    {
        var pair = CodingRules.Pair([
            Work("cy", true, 9),
            Work(CoderWorkDocument.FinalCoder, true, 0),
            Work("ann", true, 1),
            Work("ben", true, 2),
            Work("dee", false),
        ]);
        Assert.Equal(["ann", "ben"], pair.Select(w => w.Coder));
    }

    [Fact]
    public void A_coder_sees_their_own_work_and_the_consensus_only()
    {
        var visible = CodingRules.VisibleTo(User("ann", Roles.Coder));
        Assert.True(visible(Work("ann", false)));
        Assert.True(visible(Work(CoderWorkDocument.FinalCoder, false)));
        Assert.False(visible(Work("ben", true)));
    }

    [Fact]
    public void The_study_lead_sees_every_submitted_coding_but_no_draft()
    {
        var visible = CodingRules.VisibleTo(User("lee", Roles.StudyLead));
        Assert.True(visible(Work("ben", true)));
        Assert.False(visible(Work("ben", false)));
    }

    [Fact]
    public void A_transcripts_own_coders_come_before_its_sites_and_none_leaves_it_open()
    {
        var study = new StudyDocument
        {
            SiteCoders = { ["kampala"] = ["ann"] },
            TranscriptCoders = { ["b"] = ["ben", "cy"] },
        };
        TranscriptDocument At(string id, string site) =>
            new()
            {
                Id = id,
                StudyId = "s",
                SiteId = site,
            };
        Assert.Equal(["ann"], CodingRules.CodersOf(study, At("a", "kampala")));
        Assert.Equal(["ben", "cy"], CodingRules.CodersOf(study, At("b", "kampala")));
        Assert.Empty(CodingRules.CodersOf(study, At("c", "dar")));
    }

    [Fact]
    public void A_coder_codes_what_is_theirs_or_nobodys_and_the_study_lead_everything()
    {
        var study = new StudyDocument { SiteCoders = { ["kampala"] = ["ann"] } };
        var (kampala, dar) = (
            new TranscriptDocument { Id = "a", SiteId = "kampala" },
            new TranscriptDocument { Id = "b", SiteId = "dar" }
        );
        Assert.True(CodingRules.MayCode(study, kampala, User("ann", Roles.Coder)));
        Assert.False(CodingRules.MayCode(study, kampala, User("ben", Roles.Coder)));
        Assert.True(CodingRules.MayCode(study, dar, User("ben", Roles.Coder)));
        Assert.True(CodingRules.MayCode(study, kampala, User("lee", Roles.StudyLead)));
    }

    [Fact]
    public void A_merged_code_stands_for_the_code_it_was_merged_into_through_later_merges()
    {
        var study = new StudyDocument { CodeMerges = { ["a"] = "b", ["b"] = "c" } };
        Assert.Equal("c", CodingRules.Current(study, "a"));
        Assert.Equal("d", CodingRules.Current(study, "d"));
    }

    [Fact]
    public void A_merge_moves_codings_rejections_and_memos_and_a_passage_coded_with_both_keeps_one()
    {
        var work = new CoderWorkDocument
        {
            Codings = [new(1, "a", "added"), new(1, "b", "added"), new(2, "a", "suggested")],
            Rejected = [new(3, "a")],
            Memos = [new(null, "Why a", "a")],
        };
        Assert.True(CodingsMerge.Move(work, "a", "b", out var moved));
        Assert.Equal(2, moved);
        Assert.Equal([(1, "b"), (2, "b")], work.Codings.Select(c => (c.Segment, c.CodeId)));
        Assert.Equal("b", work.Rejected.Single().CodeId);
        Assert.Equal("b", work.Memos.Single().Code);
        Assert.False(CodingsMerge.Move(work, "a", "b", out _));
    }
}
