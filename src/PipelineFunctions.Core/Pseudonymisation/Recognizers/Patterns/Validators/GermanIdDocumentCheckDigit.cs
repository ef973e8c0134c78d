namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// German identity card and passport numbers written in full: nine characters of the document alphabet and the check
/// digit (weights 7, 3, 1) after them ("L01X00T471"). Without it a number goes only after its cue (record-number).
/// </summary>
public sealed class GermanIdDocumentCheckDigit : IPatternValidator
{
    static readonly int[] Weights = [7, 3, 1];

    public string Name => "de-id-document-check-digit";

    public bool IsValid(string value)
    {
        if (value.Length != 10 || !value.Any(char.IsAsciiDigit) || !char.IsAsciiDigit(value[9]))
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (char.IsAsciiDigit(value[i]) ? value[i] - '0' : value[i] - 'A' + 10) * Weights[i % 3];
        return sum % 10 == value[9] - '0';
    }
}
