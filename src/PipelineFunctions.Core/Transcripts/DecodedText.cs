namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// How an upload's bytes were read as text: the encoding's web name (<c>utf-8</c>, <c>utf-16</c>, <c>windows-1252</c>, …)
/// and, for a legacy code page found by detection rather than a BOM or valid UTF-8, the detector's confidence (0–1).
/// </summary>
public sealed record DecodedText(string Encoding, float? Confidence = null);
