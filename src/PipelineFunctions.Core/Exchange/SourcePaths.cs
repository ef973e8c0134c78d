using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Where a source's file is inside the archive. The standard says <c>internal://name</c> is <c>sources/name</c>, but
/// tools write more: <c>relative://</c> paths, bare names (<c>name.txt</c>), the folder included (<c>sources/name.txt</c>),
/// and absolute paths of the machine that exported it (<c>C:\Users\…\name.txt</c>, <c>/Users/…/name.txt</c>,
/// <c>file:///…</c>). Each resolves to the archive's <c>sources/</c> folder: first the path as given under it, then its
/// file name alone. Nothing outside the archive is ever read, and only names <see cref="ZipGuard"/> calls safe are tried.
/// </summary>
static class SourcePaths
{
    static readonly string[] Schemes = ["internal://", "relative://", "file:///", "file://"];

    public static IEnumerable<string> Entries(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            yield break;
        var rest = path.Trim();
        var scheme = Schemes.FirstOrDefault(s => rest.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (scheme is not null)
            rest = rest[scheme.Length..];
        // URLs escape spaces and other characters (%20); plain paths rarely hold a '%' followed by two hex digits.
        if (scheme is "relative://" or "file:///" or "file://" || rest.Contains("%20", StringComparison.Ordinal))
            rest = Uri.UnescapeDataString(rest);
        rest = rest.Replace('\\', '/').TrimStart('.', '/');
        var name = rest[(rest.LastIndexOf('/') + 1)..];
        var absolute =
            rest.Length > 1 && rest[1] == ':'
            || path.TrimStart().StartsWith('/')
            || path.TrimStart().StartsWith('\\')
            || scheme is "file:///" or "file://";
        var candidates = new List<string>();
        if (!absolute)
        {
            candidates.Add(rest.StartsWith("sources/", StringComparison.OrdinalIgnoreCase) ? rest : "sources/" + rest);
            candidates.Add(rest);
        }
        candidates.Add("sources/" + name);
        foreach (var candidate in candidates.Distinct(StringComparer.OrdinalIgnoreCase).Where(ZipGuard.IsSafeEntryName))
            yield return candidate;
    }
}
