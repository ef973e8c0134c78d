using System.Xml.Linq;
using PipelineFunctions.Core.Exchange;
using static PipelineFunctions.Core.Tests.Exchange.ForeignProjects;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>
/// A set of whole sources, as MAXQDA's document groups and NVivo's static sets write them (<c>MemberSource</c> only,
/// no selections, no codes): read with its sources and nothing else, and told apart from a study's own site sets.
/// </summary>
public sealed class SetOfSourcesTests
{
    public const string GroupGuid = "F4000000-0000-4000-8000-000000000001";

    [Fact]
    public void A_set_of_sources_only_is_valid_and_reads_with_its_sources_and_no_passages()
    {
        XElement? written = null;
        var qdpx = Build(
            i => $"source-{i + 1}.txt",
            i => $"sources/source-{i + 1}.txt",
            root =>
            {
                root.Add(
                    new XElement(
                        Qda + "Sets",
                        new XElement(
                            Qda + "Set",
                            new XAttribute("guid", GroupGuid),
                            new XAttribute("name", "First interviews"),
                            new XElement(Qda + "MemberSource", new XAttribute("targetGUID", Guids[0])),
                            new XElement(Qda + "MemberSource", new XAttribute("targetGUID", Guids[1]))
                        )
                    )
                );
                // The shared fixture writes a colour as ARGB, as some tools do; the schema wants RGB.
                root.Descendants(Qda + "Code").Attributes("color").Remove();
                written = root;
            },
            origin: "MAXQDA 24"
        );
        Assert.Empty(ExchangeSamples.SchemaErrors(new XDocument(written)));

        var (project, report) = QdpxReader.Import(qdpx);

        Assert.Empty(report.Problems);
        var set = Assert.Single(project.Sets!);
        Assert.Equal("First interviews", set.Name);
        Assert.Equal(Guids, set.SourceGuids);
        Assert.True(set.Passages is null or { Count: 0 });
        Assert.True(set.CodeIds is null or { Count: 0 });
        Assert.False(ParticipantCases.IsSiteSet(set));
    }

    [Fact]
    public void A_study_s_own_site_sets_are_told_apart_from_another_tool_s_set_of_the_same_name()
    {
        var study = ExchangeSamples.StudyWithCases();
        var site = study.Sets!.First(s => s.Name == "Site: Kampala");
        Assert.True(ParticipantCases.IsSiteSet(site));
        Assert.False(ParticipantCases.IsSiteSet(site with { Guid = GroupGuid }));
    }
}
