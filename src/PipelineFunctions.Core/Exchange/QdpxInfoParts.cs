namespace PipelineFunctions.Core.Exchange;

/// <summary>How many codes, and how many levels deep the tree goes (1: no sub-codes).</summary>
public sealed record QdpxCodesInfo(int Count, int Depth);

/// <summary>A user and the codings read that are theirs.</summary>
public sealed record QdpxUserInfo(string Id, string Name, int Codings);

/// <summary>A case: its name, how many sources and passages it refers to, and its values.</summary>
public sealed record QdpxCaseInfo(string Name, int Sources, int Passages, IReadOnlyDictionary<string, string> Values);

/// <summary>A variable and how many cases and sources carry a value of it.</summary>
public sealed record QdpxVariableInfo(string Name, string Type, int Cases, int Sources);

/// <summary>A set and how many sources and codes it holds.</summary>
public sealed record QdpxSetInfo(string Name, int Sources, int Codes);
