using PipelineFunctions.App.Coding;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Tests.Coding;

public sealed class CodeUsesTests
{
    static readonly Codebook Book = new(
        "b",
        [
            new Code("stigma", "Stigma", null, "d"),
            new Code("family", "Family support", null, "d"),
            new Code("unused", "Unused", null, "d"),
        ]
    );

    static CoderWorkDocument Work(string transcript, string coder, string[] codes, string? memoCode = null) =>
        new()
        {
            TranscriptId = transcript,
            Coder = coder,
            Codings = [.. codes.Select((c, i) => new CodingEntry(i, c, "added"))],
            Memos = memoCode is null ? [] : [new Memo(null, "memo", memoCode)],
        };

    static readonly CoderWorkDocument[] Works =
    [
        Work("t1", "amina", ["stigma", "stigma", "family"]),
        Work("t1", "final", ["stigma"]),
        Work("t2", "joseph", [], memoCode: "family"),
    ];

    [Fact]
    public void Codings_and_memos_are_counted_per_code_across_every_coder_and_the_consensus()
    {
        var uses = CodeUses.Count(Book, Works);
        Assert.Equal(
            [new CodeUse("stigma", "Stigma", 3, 0, 1), new CodeUse("family", "Family support", 1, 1, 2)],
            uses
        );
    }

    [Fact]
    public void A_version_without_a_code_in_use_dangles_it_and_the_refusal_names_the_count_and_the_merge()
    {
        var next = Book with { Codes = [.. Book.Codes.Where(c => c.Id is not "stigma" and not "unused")] };
        var dangling = CodeUses.Dangling(CodeUses.Count(Book, Works), next);
        Assert.Equal(["stigma"], dangling.Select(d => d.Code));
        Assert.Equal(
            "'Stigma' codes 3 codings on 1 transcript. Merge it into another code instead of removing it, "
                + "so no coding is left without its code.",
            CodeUses.Refusal(dangling)
        );
    }

    [Fact]
    public void Removing_only_unused_codes_or_renaming_one_dangles_nothing()
    {
        var next = Book with { Codes = [new Code("stigma", "Stigma renamed", null, "d"), Book.Codes[1]] };
        Assert.Empty(CodeUses.Dangling(CodeUses.Count(Book, Works), next));
    }

    [Fact]
    public void Two_codes_in_use_removed_are_both_named_memos_included()
    {
        var dangling = CodeUses.Dangling(CodeUses.Count(Book, Works), Book with { Codes = [Book.Codes[2]] });
        Assert.Equal(
            "'Stigma' codes 3 codings on 1 transcript; 'Family support' codes 1 coding and 1 memo on 2 "
                + "transcripts. Merge them into other codes instead of removing them, so no coding is left without its code.",
            CodeUses.Refusal(dangling)
        );
    }
}
