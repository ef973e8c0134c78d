using System.Security.Cryptography;
using System.Text;

namespace PipelineFunctions.App.Uploads;

public static class TranscriptIds
{
    /// <summary>
    /// A transcript's id follows from its study and content, so the same file uploaded twice, or one event
    /// delivered twice, lands on the same document.
    /// </summary>
    public static string For(string studyId, string contentSha256) =>
        "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{studyId}\n{contentSha256}")))[..19];

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
