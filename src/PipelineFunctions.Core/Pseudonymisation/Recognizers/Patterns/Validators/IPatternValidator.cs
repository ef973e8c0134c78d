namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>A check a pattern's match must pass (a checksum, a real date), named in Data/patterns.json.</summary>
public interface IPatternValidator
{
    string Name { get; }

    bool IsValid(string value);
}
