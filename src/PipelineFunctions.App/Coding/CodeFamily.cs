using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Coding;

/// <summary>A code's place in the codebook's hierarchy: a parent code collects its children's passages.</summary>
public static class CodeFamily
{
    /// <summary>The code and every code under it.</summary>
    public static HashSet<string> Of(Codebook codebook, string codeId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { codeId };
        for (var grew = true; grew; )
        {
            grew = false;
            foreach (var c in codebook.Codes)
                if (c.Parent is { } parent && ids.Contains(parent) && ids.Add(c.Id))
                    grew = true;
        }
        return ids;
    }

    /// <summary>The code and every parent above it (a cycle in an imported codebook stops the walk).</summary>
    public static IEnumerable<string> Ancestry(Codebook codebook, string codeId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (
            var code = codebook.Find(codeId);
            code is not null && seen.Add(code.Id);
            code = code.Parent is { } p ? codebook.Find(p) : null
        )
            yield return code.Id;
    }
}
