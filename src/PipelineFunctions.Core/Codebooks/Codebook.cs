namespace PipelineFunctions.Core.Codebooks;

public sealed record Codebook(string Name, IReadOnlyList<Code> Codes, string? Reference = null, string? Approach = null)
{
    public Code? Find(string id) => Codes.FirstOrDefault(c => c.Id == id);

    /// <summary>A content hash: suggestions record the codebook version they were made with.</summary>
    public string Version() =>
        Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CodebookJson.Write(this)))
        )[..12];
}
