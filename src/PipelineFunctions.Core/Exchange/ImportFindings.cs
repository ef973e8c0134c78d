namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// Where a reading's problems go. Strict (<see cref="QdpxReader.Read(Stream, Codebooks.Codebook?, QdpxLimits?)"/>) refuses
/// the file at the first; tolerant (<see cref="QdpxReader.Import(Stream, Codebooks.Codebook?, QdpxLimits?)"/>) notes each and
/// leaves out only what it concerns. Archive-level problems (bombs, paths, XML) are refused either way.
/// </summary>
sealed class ImportFindings(bool strict)
{
    public List<QdpxFinding> Problems { get; } = [];
    public List<QdpxSourceReport> Sources { get; } = [];
    public bool IsStrict => strict;

    /// <summary>Throws when strict; otherwise records the problem and returns, so the caller skips what it concerns.</summary>
    public void Add(QdpxProblem problem, string message, int codingsNotPlaced = 0)
    {
        if (strict)
            throw new QdpxRejectedException(problem, message);
        Problems.Add(new QdpxFinding(problem, message, codingsNotPlaced));
    }

    /// <summary>What a reader should know but is no fault (how positions were counted, what was not read): never refuses the file.</summary>
    public void Note(QdpxProblem problem, string message)
    {
        if (!strict)
            Problems.Add(new QdpxFinding(problem, message));
    }

    public QdpxImportReport Report() => new(Sources, Problems);
}
