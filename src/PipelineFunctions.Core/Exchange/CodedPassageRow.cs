namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// One coded passage for a spreadsheet: which code, what was said, by whom, where, and who coded it; then the case the
/// passage belongs to and the values analysts compare by (role, country, language, interview type).
/// </summary>
public sealed record CodedPassageRow(
    string CodeId,
    string CodeName,
    string Passage,
    string? Speaker,
    string? Site,
    string Transcript,
    string Coder,
    string? Case = null,
    string? Role = null,
    string? Country = null,
    string? Language = null,
    string? InterviewType = null
);
