namespace PipelineFunctions.Core.Suggestions;

public interface ISuggestionEngine
{
    /// <summary>Name recorded on every suggestion it makes.</summary>
    string Name { get; }

    IReadOnlyList<UnitSuggestions> Suggest(IReadOnlyList<CodingUnit> units);
}
