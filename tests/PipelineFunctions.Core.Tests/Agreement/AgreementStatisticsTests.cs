using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.Core.Tests.Agreement;

public sealed class AgreementStatisticsTests
{
    [Fact]
    public void Cohens_kappa_reproduces_the_textbook_example()
    {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o = 0.70, p_e = 0.50, κ = 0.40 (Wikipedia, "Cohen's kappa").
        var a = Enumerable.Repeat("yes", 25).Concat(Enumerable.Repeat("no", 25)).ToList();
        var b = Enumerable
            .Repeat("yes", 20)
            .Concat(Enumerable.Repeat("no", 5))
            .Concat(Enumerable.Repeat("yes", 10))
            .Concat(Enumerable.Repeat("no", 15))
            .ToList();
        Assert.Equal(0.70, AgreementStatistics.PercentAgreement(a, b), 10);
        Assert.Equal(0.40, AgreementStatistics.CohenKappa(a, b), 10);
    }

    [Fact]
    public void Krippendorffs_alpha_reproduces_the_four_coder_example_with_missing_values()
    {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, nominal α = 0.743.
        string?[][] observers =
        [
            ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
            ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
            [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
            ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
        ];
        var units = Enumerable
            .Range(0, 12)
            .Select(u => (IReadOnlyList<string?>)observers.Select(o => o[u]).ToList())
            .ToList();
        Assert.Equal(0.743, Math.Round(AgreementStatistics.KrippendorffAlphaNominal(units), 3));
    }

    [Fact]
    public void Krippendorffs_alpha_reproduces_the_two_coder_binary_example()
    {
        // Krippendorff (2011), section A: two observers, ten units, binary values, α = 0.095.
        string[] a = ["0", "1", "0", "0", "0", "0", "0", "0", "1", "0"];
        string[] b = ["1", "1", "1", "0", "0", "1", "0", "0", "0", "0"];
        var units = a.Select((x, i) => (IReadOnlyList<string?>)[x, b[i]]).ToList();
        Assert.Equal(0.095, Math.Round(AgreementStatistics.KrippendorffAlphaNominal(units), 3));
    }

    [Fact]
    public void Perfect_agreement_is_one_and_the_edges_hold()
    {
        string[] same = ["x", "y", "x"];
        Assert.Equal(1, AgreementStatistics.CohenKappa(same, same));
        Assert.Equal(
            1,
            AgreementStatistics.KrippendorffAlphaNominal(same.Select(v => (IReadOnlyList<string?>)[v, v]).ToList())
        );
        Assert.Throws<ArgumentException>(() => AgreementStatistics.CohenKappa(["a"], ["a", "b"]));
    }
}

public sealed class CodingAgreementTests
{
    [Fact]
    public void Two_coders_passage_codings_give_per_code_and_pooled_figures_and_the_disagreements()
    {
        // Four passages. Code x: both on 1, only the first on 2. Code y: both on 3, only the second on 4.
        // Code x, units (first, second): (1,1) (1,0) (0,0) (0,0) → p_o = 3/4; p_e = 2/4·1/4 + 2/4·3/4 = 1/2; κ = (3/4 − 1/2) / (1/2) = 1/2.
        var report = PipelineFunctions.Core.Agreement.CodingAgreement.Compare(
            [1, 2, 3, 4],
            [(1, "x"), (2, "x"), (3, "y")],
            [(1, "x"), (3, "y"), (4, "y")]
        );
        var x = report.PerCode.Single(c => c.CodeId == "x");
        Assert.Equal(0.75, x.Percent, 10);
        Assert.Equal(0.5, x.Kappa, 10);
        Assert.Equal((1, 1, 0), (x.BothApplied, x.OnlyFirst, x.OnlySecond));
        Assert.Equal(0.75, report.Overall.Percent, 10);
        Assert.Equal(
            [(2, "x", true, false), (4, "y", false, true)],
            report.Disagreements.Select(d => (d.Segment, d.CodeId, d.First, d.Second))
        );
    }
}
