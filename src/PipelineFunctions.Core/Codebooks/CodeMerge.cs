namespace PipelineFunctions.Core.Codebooks;

/// <summary>
/// Two codes made one: the merged code leaves the codebook, its children move under the kept code, and the kept code
/// gains the merged one's examples. Where the kept code sat under the merged one it takes the merged code's place.
/// </summary>
public static class CodeMerge
{
    /// <exception cref="FormatException">A code is missing, or both are the same, with the reason in words.</exception>
    public static Codebook Merge(Codebook codebook, string from, string into)
    {
        var (merged, kept) = (codebook.Find(from), codebook.Find(into));
        if (merged is null || kept is null)
            throw new FormatException($"The codebook has no code '{(merged is null ? from : into)}'.");
        if (from == into)
            throw new FormatException("Choose another code to merge this one into.");
        var under = IsUnder(codebook, into, from);
        var examples = (kept.Examples ?? []).Concat(merged.Examples ?? []).Distinct(StringComparer.Ordinal).ToList();
        return codebook with
        {
            Codes =
            [
                .. codebook
                    .Codes.Where(c => c.Id != from)
                    .Select(c =>
                        c.Id == into
                            ? c with
                            {
                                Parent = under ? merged.Parent : c.Parent,
                                Examples = examples.Count > 0 ? examples : null,
                            }
                        : c.Parent == from ? c with { Parent = into }
                        : c
                    ),
            ],
        };
    }

    static bool IsUnder(Codebook codebook, string id, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = codebook.Find(id)?.Parent; c is not null && seen.Add(c); c = codebook.Find(c)?.Parent)
            if (c == ancestor)
                return true;
        return false;
    }
}
