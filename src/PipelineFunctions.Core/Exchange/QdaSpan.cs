namespace PipelineFunctions.Core.Exchange;

/// <summary>A passage of a source, as UTF-16 offsets into its <see cref="QdaSource.PlainText"/> (end exclusive).</summary>
public sealed record QdaSpan(string SourceGuid, int Start, int End);
