using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Coding;

/// <summary>How much of the study's work holds a code: codings and memos, in every coder's work and the consensus.
/// </summary>
public sealed record CodeUse(string Code, string Name, int Codings, int Memos, int Transcripts);

/// <summary>
/// What uses each code, so a code is never removed from under its codings (as NVivo and MAXQDA ask before deleting a
/// code that codes something): a new codebook version that drops a code in use is refused with the count, and the
/// study lead merges it into another code instead. One partition read per transcript, as a merge does.
/// </summary>
public sealed class CodeUses(TranscriptStore transcripts, CodingStore codings)
{
    public async Task<IReadOnlyList<CodeUse>> CountAsync(string studyId, Codebook codebook, CancellationToken ct)
    {
        var works = new List<CoderWorkDocument>();
        foreach (var transcript in await transcripts.ListAsync(studyId, ct))
            works.AddRange(await codings.ListAsync(transcript.Id, ct));
        return Count(codebook, works);
    }

    /// <summary>Each code that something uses, in codebook order; a code nothing uses is left out.</summary>
    public static IReadOnlyList<CodeUse> Count(Codebook codebook, IEnumerable<CoderWorkDocument> works)
    {
        var list = works.ToList();
        return
        [
            .. codebook
                .Codes.Select(code => new CodeUse(
                    code.Id,
                    code.Name,
                    list.Sum(w => w.Codings.Count(c => c.CodeId == code.Id)),
                    list.Sum(w => w.Memos.Count(m => m.Code == code.Id)),
                    list.Where(w => w.Codings.Any(c => c.CodeId == code.Id) || w.Memos.Any(m => m.Code == code.Id))
                        .Select(w => w.TranscriptId)
                        .Distinct()
                        .Count()
                ))
                .Where(u => u.Codings + u.Memos > 0),
        ];
    }

    /// <summary>The codes in use that <paramref name="next"/> no longer holds: what saving it would leave dangling.
    /// </summary>
    public static IReadOnlyList<CodeUse> Dangling(IEnumerable<CodeUse> uses, Codebook next) =>
        [.. uses.Where(u => next.Find(u.Code) is null)];

    /// <summary>The refusal's sentence: which codes, how much uses them, and what to do instead.</summary>
    public static string Refusal(IReadOnlyList<CodeUse> dangling) =>
        string.Join(
            "; ",
            dangling.Select(u =>
                $"'{u.Name}' codes {Plural(u.Codings, "coding")}"
                + (u.Memos > 0 ? $" and {Plural(u.Memos, "memo")}" : "")
                + $" on {Plural(u.Transcripts, "transcript")}"
            )
        )
        + (
            dangling.Count == 1
                ? ". Merge it into another code instead of removing it"
                : ". Merge them into other codes instead of removing them"
        )
        + ", so no coding is left without its code.";

    static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
