namespace PipelineFunctions.Core.Exchange;

/// <summary>One coded passage for a spreadsheet: which code, what was said, by whom, where, and who coded it.</summary>
public sealed record CodedPassageRow(string CodeId, string CodeName, string Passage, string? Speaker, string? Site, string Transcript, string Coder);
