namespace PipelineFunctions.Core.Agreement;

/// <summary>Agreement on one code (or all codes pooled): each passage is a unit, the code present or absent.</summary>
public sealed record CodeAgreement(
    string CodeId,
    double Percent,
    double Kappa,
    double Alpha,
    int BothApplied,
    int OnlyFirst,
    int OnlySecond
);

/// <summary>A passage where one coder applied a code and the other did not.</summary>
public sealed record Disagreement(int Segment, string CodeId, bool First, bool Second);

public sealed record AgreementReport(
    IReadOnlyList<CodeAgreement> PerCode,
    CodeAgreement Overall,
    IReadOnlyList<Disagreement> Disagreements
);

/// <summary>
/// Two coders' passage-level codings compared: for each code, every passage is a yes/no unit; the overall figure
/// pools all passage × code units. Codes neither coder used are left out of the per-code table.
/// </summary>
public static class CodingAgreement
{
    public const string Overall = "(all codes)";

    public static AgreementReport Compare(
        IReadOnlyList<int> segments,
        IReadOnlyCollection<(int Segment, string CodeId)> first,
        IReadOnlyCollection<(int Segment, string CodeId)> second
    )
    {
        var a = first.ToHashSet();
        var b = second.ToHashSet();
        var codes = a.Concat(b).Select(x => x.CodeId).Distinct().Order(StringComparer.Ordinal).ToList();
        var perCode = codes
            .Select(code =>
                Agreement(code, segments.Select(s => (a.Contains((s, code)), b.Contains((s, code)))).ToList())
            )
            .ToList();
        var pooled = Agreement(
            Overall,
            codes.SelectMany(code => segments.Select(s => (a.Contains((s, code)), b.Contains((s, code))))).ToList()
        );
        var disagreements = codes
            .SelectMany(code =>
                segments
                    .Where(s => a.Contains((s, code)) != b.Contains((s, code)))
                    .Select(s => new Disagreement(s, code, a.Contains((s, code)), b.Contains((s, code))))
            )
            .OrderBy(d => d.Segment)
            .ThenBy(d => d.CodeId, StringComparer.Ordinal)
            .ToList();
        return new AgreementReport(perCode, pooled, disagreements);
    }

    static CodeAgreement Agreement(string code, IReadOnlyList<(bool First, bool Second)> units)
    {
        var first = units.Select(u => u.First ? "1" : "0").ToList();
        var second = units.Select(u => u.Second ? "1" : "0").ToList();
        return new CodeAgreement(
            code,
            AgreementStatistics.PercentAgreement(first, second),
            AgreementStatistics.CohenKappa(first, second),
            AgreementStatistics.KrippendorffAlphaNominal(
                units.Select(u => (IReadOnlyList<string?>)[u.First ? "1" : "0", u.Second ? "1" : "0"]).ToList()
            ),
            units.Count(u => u.First && u.Second),
            units.Count(u => u.First && !u.Second),
            units.Count(u => !u.First && u.Second)
        );
    }
}
