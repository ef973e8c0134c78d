namespace PipelineFunctions.Core.Exchange;

/// <summary>A coder. <paramref name="Id"/> is the coder's id in the study; REFI-QDA's <c>User/@id</c>.</summary>
public sealed record QdaUser(string Id, string Name);
