using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers;

/// <summary>The recognizers a study runs: its roster first, then the pattern recognizers of Data/patterns.json, then
/// the contextual and list-based ones.</summary>
public static class RecognizerRegistry
{
    public static IReadOnlyList<IRecognizer> For(IReadOnlyList<RosterEntry> roster, IReadOnlySet<string> allowed) =>
        [
            new RosterRecognizer(roster),
            .. PatternCatalogue.Recognizers,
            new TitleRecognizer(allowed),
            new ContextRecognizer(allowed),
            new GermanNameRecognizer(allowed),
            new GazetteerRecognizer(allowed),
            new NameListRecognizer(allowed),
            new CapitalisedNameRecognizer(allowed),
        ];
}
