using PipelineFunctions.Core.Codebooks;

namespace PipelineFunctions.App.Coding;

/// <summary>A code and every code under it in the codebook's hierarchy: a parent code collects its children's passages.</summary>
public static class CodeFamily
{
    public static HashSet<string> Of(Codebook codebook, string codeId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { codeId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var c in codebook.Codes)
                if (c.Parent is { } parent && ids.Contains(parent) && ids.Add(c.Id)) grew = true;
        }
        return ids;
    }
}
