using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.App.Coding;

/// <summary>
/// A pair's agreement on a transcript as the agreement page reports it: over the participants' passages only
/// (interviewer turns left out), between the first two coders to submit. The lead's overview reads the same figures.
/// </summary>
public static class PairAgreement
{
    public static (AgreementUnits Units, AgreementReport Figures) Of(
        IEnumerable<SegmentDocument> passages,
        CoderWorkDocument first,
        CoderWorkDocument second
    )
    {
        var units = AgreementUnits.Of(passages.Select(p => (p.Segment, p.Speaker)));
        return (units, CodingAgreement.Compare(units.Counted, Codes(first), Codes(second)));
    }

    public static List<(int Segment, string CodeId)> Codes(CoderWorkDocument work) =>
        [.. work.Codings.Select(c => (c.Segment, c.CodeId))];
}
