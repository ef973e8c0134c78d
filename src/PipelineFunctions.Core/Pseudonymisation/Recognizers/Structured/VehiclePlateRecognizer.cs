using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

/// <summary>
/// Vehicle number plates of the study countries: Germany ("UL-AB 123", "M-XY 4711E"), Uganda ("UAX 123B"), Kenya
/// ("KCA 123A"), Tanzania ("T 123 ABC"), Singapore ("SBA 1234 A"), India ("KA 01 AB 1234") and Israel ("12-345-67").
/// A boda-boda rider's plate identifies him as surely as his name.
/// </summary>
public sealed partial class VehiclePlateRecognizer() : PatternRecognizer("ID", 84)
{
    public override string Name => "vehicle-plate";
    protected override Regex Pattern => Plate();

    [GeneratedRegex(
        @"\b(?:[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ -]?\d{1,4}[EH]?" +
        @"|U[A-Z]{2}[ ]?\d{3}[A-Z]|K[A-Z]{2}[ ]?\d{3}[A-Z]|T[ ]?\d{3}[ ]?[A-Z]{3}" +
        @"|S[A-Z]{1,2}[ ]?\d{1,4}[ ]?[A-Z]|[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}" +
        @"|\d{2}-\d{3}-\d{2}|\d{3}-\d{2}-\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Plate();
}
