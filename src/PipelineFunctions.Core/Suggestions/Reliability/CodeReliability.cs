using System.Globalization;
using PipelineFunctions.Core.Agreement;

namespace PipelineFunctions.Core.Suggestions.Reliability;

/// <summary>How far the engine can be trusted on a code, from its agreement with the coders so far.</summary>
public enum ReliabilityLevel
{
    Learning,
    Reliable,
    Guessing,
}

/// <summary>
/// One code's agreement between the engine (as a third coder: the codes it applied to a passage) and the coders (the
/// codes they gave it), over the passages they have coded.
/// </summary>
/// <param name="Suggested">Passages the engine applied the code to.</param>
/// <param name="Coded">Passages the coders gave the code.</param>
/// <param name="Agreed">Passages both did.</param>
/// <param name="Precision">Of the passages the engine applied it to, the share coders kept it on (null: never applied).</param>
/// <param name="Recall">Of the passages coders gave it, the share the engine applied it to (null: never coded).</param>
public sealed record CodeReliability(
    string CodeId,
    ReliabilityLevel Level,
    int Passages,
    int Suggested,
    int Coded,
    int Agreed,
    double Kappa,
    double? Precision,
    double? Recall
)
{
    /// <summary>In the coder's words, e.g. "guessing: κ 0.05, 1 of 9 suggestions kept, 1 of 6 coded passages found".</summary>
    public string Summary =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Level.ToString().ToLowerInvariant()}: κ {Kappa:F2}, {Agreed} of {Suggested} suggestions kept, {Agreed} of {Coded} coded passages found"
        );
}

/// <summary>A coded passage: the codes the engine applied to it, and those the coders gave it.</summary>
public sealed record PassageOutcome(IReadOnlySet<string> Engine, IReadOnlySet<string> Coders);

/// <summary>
/// Per code, the engine's agreement with the coders: Cohen's κ over the coded passages (each has the code or not), the
/// precision of what it suggested and its recall of what coders coded, and a label. A code needs
/// <see cref="MinEvidence"/> passages where the engine or the coders used it before it is judged: until then it is
/// learning. Reliable at κ ≥ <see cref="ReliableKappa"/> (substantial agreement, Landis and Koch); guessing under
/// <see cref="GuessingKappa"/> (slight at best) once it has offered the code <see cref="MinSuggested"/> times: a code
/// coders use that it has never offered is one it has not learned yet (it learns from those codings), not one it guesses at.
/// </summary>
public static class EngineAgreement
{
    public const int MinEvidence = 5,
        MinSuggested = 3;
    public const double ReliableKappa = 0.6,
        GuessingKappa = 0.2;

    public static IReadOnlyList<CodeReliability> Compute(
        IEnumerable<string> codes,
        IReadOnlyList<PassageOutcome> passages
    ) => codes.Select(code => For(code, passages)).ToList();

    public static CodeReliability For(string code, IReadOnlyList<PassageOutcome> passages)
    {
        var engine = passages.Select(p => p.Engine.Contains(code)).ToList();
        var coders = passages.Select(p => p.Coders.Contains(code)).ToList();
        var (suggested, coded) = (engine.Count(e => e), coders.Count(c => c));
        var agreed = engine.Where((e, i) => e && coders[i]).Count();
        var kappa = passages.Count == 0 ? 0 : AgreementStatistics.CohenKappa(engine, coders);
        var evidence = engine.Where((e, i) => e || coders[i]).Count();
        var level =
            evidence < MinEvidence ? ReliabilityLevel.Learning
            : kappa >= ReliableKappa ? ReliabilityLevel.Reliable
            : kappa < GuessingKappa && suggested >= MinSuggested ? ReliabilityLevel.Guessing
            : ReliabilityLevel.Learning;
        return new CodeReliability(
            code,
            level,
            passages.Count,
            suggested,
            coded,
            agreed,
            kappa,
            suggested == 0 ? null : agreed / (double)suggested,
            coded == 0 ? null : agreed / (double)coded
        );
    }
}
