namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>The validators a pattern may name: what a regex cannot say stays in code, one small class each.</summary>
public static class PatternValidators
{
    public static readonly IReadOnlyList<IPatternValidator> All =
    [
        new IbanMod97(),
        new Verhoeff(),
        new IsraeliIdCheckDigit(),
        new NricCheckLetter(),
        new GermanTaxIdCheckDigit(),
        new GermanIdDocumentCheckDigit(),
        new BirthDateFirst(),
        new PlaceNotAWord(),
    ];

    public static IPatternValidator? Find(string name) => All.FirstOrDefault(v => v.Name == name);
}
