namespace PipelineFunctions.Core.Codebooks;

public sealed record Codebook(string Name, IReadOnlyList<Code> Codes, string? Reference = null, string? Approach = null)
{
    public Code? Find(string id) => Codes.FirstOrDefault(c => c.Id == id);
}
