using System.Text;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Tests.Suggestions;

namespace PipelineFunctions.Core.Tests.Codebooks;

public sealed class CodebookFormatTests
{
    static readonly Codebook Imh = DevSets.Codebook("imh-barriers-facilitators");

    [Fact]
    public void Csv_round_trips_codes_hierarchy_notes_and_examples()
    {
        var rich = Imh with
        {
            Codes =
            [
                .. Imh.Codes.Select(
                    (c, i) =>
                        i == 1
                            ? c with
                            {
                                Inclusion = "Named people, \"quoted\"",
                                Examples = ["She backs me", "He helps"],
                            }
                            : c
                ),
            ],
        };
        var back = CodebookCsv.Parse(CodebookCsv.Write(rich), rich.Name);
        // A CSV holds codes only; the codebook's reference and approach stay with the JSON.
        Assert.Equal(CodebookJson.Write(rich with { Reference = null, Approach = null }), CodebookJson.Write(back));
    }

    [Fact]
    public void Qdc_export_nests_codes_and_reimports_the_same_tree()
    {
        var xml = CodebookQdc.Write(Imh);
        Assert.Contains("urn:QDA-XML:codebook:1.0", xml);
        Assert.Equal(xml, CodebookQdc.Write(Imh)); // stable GUIDs
        var back = CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Imh.Name);
        Assert.Equal(
            Imh.Codes.Select(c => (c.Name, Parent: Imh.Find(c.Parent ?? "")?.Name, c.Definition)),
            back.Codes.Select(c => (c.Name, Parent: back.Find(c.Parent ?? "")?.Name, c.Definition))
        );
    }

    [Fact]
    public void Qdc_with_the_namespace_typo_reads_and_dtds_are_refused()
    {
        var typo = CodebookQdc.Write(Imh).Replace("urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:1:0");
        Assert.Equal(
            Imh.Codes.Count,
            CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(typo)), "x").Codes.Count
        );
        var dtd =
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"A\" name=\"&e;\" isCodable=\"true\"/></Codes></CodeBook>";
        Assert.Throws<FormatException>(() => CodebookQdc.Parse(new MemoryStream(Encoding.UTF8.GetBytes(dtd)), "x"));
    }

    [Fact]
    public void The_version_changes_with_the_content_only()
    {
        Assert.Equal(Imh.Version(), CodebookJson.Parse(CodebookJson.Write(Imh)).Version());
        Assert.NotEqual(Imh.Version(), (Imh with { Codes = [.. Imh.Codes.Skip(1)] }).Version());
    }

    [Fact]
    public void A_codebook_with_a_missing_parent_is_refused_with_a_message()
    {
        var e = Assert.Throws<FormatException>(() => CodebookCsv.Parse("id,name,parent,definition\na,A,nope,x\n", "x"));
        Assert.Contains("nope", e.Message);
    }
}
