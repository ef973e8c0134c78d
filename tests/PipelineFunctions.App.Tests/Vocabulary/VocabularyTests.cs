using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Suggestions;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Core.TranslationChecks;

namespace PipelineFunctions.App.Tests.Vocabulary;

/// <summary>The domain's words as one type or one rule each, and the same JSON in Cosmos as before.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("Interviewer", true)]
    [InlineData("Interviewer:", true)]
    [InlineData("interviewer 2", true)]
    [InlineData("Facilitator", true)]
    [InlineData("Co-facilitator", true)]
    [InlineData("Note taker", true)]
    [InlineData("Translator", true)]
    [InlineData("I", true)]
    [InlineData("Unknown", true)]
    [InlineData("Participant", false)]
    [InlineData("P3", false)]
    [InlineData("#9", false)]
    [InlineData("[PERSON-1]", false)]
    [InlineData("Interviewee", false)]
    public void The_interviewer_side_is_one_rule_for_cases_coding_and_agreement(string speaker, bool interviewer)
    {
        Assert.Equal(interviewer, InterviewerSide.Includes(speaker));
        Assert.Equal(interviewer, CodingUnits.IsInterviewer(speaker));
        Assert.Equal(!interviewer, ParticipantCases.IsParticipant(speaker));
    }

    [Fact]
    public void A_pair_role_is_stored_by_the_name_uploads_and_pages_use()
    {
        var json = JObject.FromObject(new TranscriptDocument { Id = "t1", Role = PairRole.Translation });
        Assert.Equal("translation", (string?)json["role"]);
        Assert.Equal(
            PairRole.Source,
            JsonConvert.DeserializeObject<TranscriptDocument>("""{"id":"t1","role":"source"}""")!.Role
        );
        Assert.Null(JsonConvert.DeserializeObject<TranscriptDocument>("""{"id":"t1"}""")!.Role);
        Assert.All(Enum.GetValues<PairRole>(), r => Assert.Equal(r, PairRoles.Parse(r.Name())));
        Assert.Null(PairRoles.Parse("Source"));
    }

    [Fact]
    public void A_flag_keeps_its_severity_as_the_enum_and_its_stored_name()
    {
        var flag = new TranslationFlagEntry("dropped-sentence", Severity.High, 1, 1, "A sentence is missing.");
        Assert.Equal("High", (string?)JObject.FromObject(flag)["severity"]);
        Assert.Equal(
            Severity.Medium,
            JsonConvert
                .DeserializeObject<TranslationFlagEntry>(
                    """{"kind":"k","severity":"Medium","sourceTurn":null,"translationTurn":2,"explanation":"e"}"""
                )!
                .Severity
        );
    }

    [Fact]
    public void Every_roster_category_is_a_kind_of_identifier_and_contact_details_are_not_numbered()
    {
        Assert.Equal(
            Enum.GetValues<IdentifierCategory>().Length,
            Enum.GetValues<IdentifierCategory>().Select(IdentifierKinds.Of).Distinct().Count()
        );
        Assert.Equal(IdentifierKinds.Person, IdentifierKinds.Of(IdentifierCategory.Person));
        Assert.True(IdentifierKinds.IsNumbered(IdentifierKinds.Person));
        Assert.False(IdentifierKinds.IsNumbered(IdentifierKinds.Phone));
    }
}
