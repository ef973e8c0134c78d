using System.Text;

namespace PipelineFunctions.App.Uploads;

/// <summary>
/// What a site told us about an upload, kept as blob metadata beside the file. Blobs dropped straight into the
/// container need only be named <c>{study}/{site}/{file}</c>; the rest then takes the study's defaults.
/// </summary>
public sealed record UploadMetadata(
    string StudyId,
    string SiteId,
    string? Language,
    string FileName,
    string? TranslationOf = null,
    string? InterviewId = null,
    string? UploadedBy = null,
    string? Role = null
)
{
    public IDictionary<string, string> ToBlobMetadata()
    {
        var m = new Dictionary<string, string>
        {
            ["study"] = StudyId,
            ["site"] = SiteId,
            // Metadata must be ASCII; the name as uploaded may not be.
            ["filename"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(FileName)),
        };
        if (Language is not null)
            m["language"] = Language;
        if (TranslationOf is not null)
            m["translationof"] = TranslationOf;
        if (InterviewId is not null)
            m["interviewid"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(InterviewId));
        if (UploadedBy is not null)
            m["uploadedby"] = UploadedBy;
        if (Role is not null)
            m["role"] = Role;
        return m;
    }

    public static UploadMetadata? FromBlob(string blobName, IDictionary<string, string> metadata)
    {
        var parts = blobName.Split('/');
        var study =
            metadata.TryGetValue("study", out var s) ? s
            : parts.Length >= 3 ? parts[0]
            : null;
        var site =
            metadata.TryGetValue("site", out var t) ? t
            : parts.Length >= 3 ? parts[1]
            : null;
        if (study is null || site is null)
            return null;
        return new UploadMetadata(
            study,
            site,
            Value(metadata, "language"),
            metadata.TryGetValue("filename", out var f) ? FromBase64(f) : parts[^1],
            Value(metadata, "translationof"),
            metadata.TryGetValue("interviewid", out var i) ? FromBase64(i) : null,
            Value(metadata, "uploadedby"),
            Value(metadata, "role")
        );
    }

    static string? Value(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var v) ? v : null;

    static string FromBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    /// <summary>The file name as shown to people: control characters and path parts removed.</summary>
    public static string Displayable(string fileName)
    {
        var clean = new string(fileName.Where(c => !char.IsControl(c)).ToArray());
        var last = clean.Split('/', '\\').LastOrDefault(p => p.Length > 0 && p != "." && p != "..") ?? "upload";
        return last.Length > 120 ? last[..120] : last;
    }
}
