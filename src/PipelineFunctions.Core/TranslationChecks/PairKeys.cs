using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.TranslationChecks;

/// <summary>
/// The re-identification keys (replacement logs) of both sides of a pair, which the App decrypts for the check only.
/// A check that reads them compares originals inside the app and reports placeholders and turn numbers, never an original.
/// </summary>
public sealed record PairKeys(IReadOnlyList<Replacement> Source, IReadOnlyList<Replacement> Translation);
