namespace PipelineFunctions.Core.Exchange;

/// <summary>A project read tolerantly, and the report of what was placed and what was not, and why.</summary>
public sealed record QdpxImport(QdaProject Project, QdpxImportReport Report);

/// <summary>
/// What an import made of the file: every source it names (text or not) and every problem found. Messages name sources
/// by their number in the file and never quote text.
/// </summary>
public sealed record QdpxImportReport(IReadOnlyList<QdpxSourceReport> Sources, IReadOnlyList<QdpxFinding> Problems);

/// <param name="Number">The source's place in the file, from 1.</param>
/// <param name="Kind"><c>Text</c>, <c>PDF</c>, <c>Picture</c>, <c>Audio</c> or <c>Video</c> (a PDF by its text representation, audio or video by its transcript).</param>
/// <param name="Placed">Whether its text was read into the project.</param>
/// <param name="Characters">Characters of its text (code points), when placed.</param>
/// <param name="CodingsPlaced">Codings read on it.</param>
/// <param name="CodingsNotPlaced">Codings the file holds on it that were not read (see <see cref="QdpxImportReport.Problems"/>).</param>
/// <param name="Reason">Why it was not placed.</param>
/// <param name="LineBreaksCountedTwice">Its positions counted each line break as two characters (CR LF, as NVivo does) and were read so.</param>
public sealed record QdpxSourceReport(
    int Number,
    string Guid,
    string Name,
    string Kind,
    bool Placed,
    int Characters,
    int CodingsPlaced,
    int CodingsNotPlaced,
    string? Reason = null,
    bool LineBreaksCountedTwice = false
);

/// <summary>One problem, and how many codings it cost.</summary>
public sealed record QdpxFinding(QdpxProblem Problem, string Message, int CodingsNotPlaced = 0);
