using System.Text.Json;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

/// <summary>
/// The pattern recognizers of Data/patterns.json, compiled once. A regex's <c>{{name}}</c> is one of its recognizer's
/// word lists (every language: interviews code-switch, so every recognizer runs on every text) or a shared fragment.
/// A mistake in the file (an unknown kind, validator or name, a duplicate id, a bad regex) stops the load.
/// </summary>
public static partial class PatternCatalogue
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    static readonly Lazy<PatternFile> FileText = new(() =>
        JsonSerializer.Deserialize<PatternFile>(EmbeddedData.Text("Pseudonymisation.patterns.json"), Options)
        ?? throw new InvalidDataException("Data/patterns.json is empty.")
    );

    static readonly Lazy<IReadOnlyList<PatternRecognizer>> Compiled = new(() => Compile(FileText.Value));

    /// <summary>The file as written, for the tests that hold each pattern to its examples.</summary>
    public static PatternFile File => FileText.Value;

    /// <summary>The recognizers, in the file's order.</summary>
    public static IReadOnlyList<PatternRecognizer> Recognizers => Compiled.Value;

    public static IReadOnlyList<PatternRecognizer> Compile(PatternFile file)
    {
        var duplicate = file.Recognizers.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"Two pattern recognizers are called {duplicate.Key}.");
        return [.. file.Recognizers.Select(r => Compile(r, file.Fragments ?? []))];
    }

    static PatternRecognizer Compile(RecognizerSpec spec, Dictionary<string, string> fragments)
    {
        if (!IdentifierKinds.All.Contains(spec.Kind))
            throw new InvalidDataException($"The pattern recognizer {spec.Id} reports an unknown kind {spec.Kind}.");
        return new PatternRecognizer(
            spec.Id,
            spec.Kind,
            spec.Priority,
            [.. spec.Patterns.Select(p => Compile(spec, p, fragments))]
        );
    }

    public static IdentifierPattern Compile(
        RecognizerSpec recognizer,
        PatternSpec spec,
        Dictionary<string, string> fragments
    )
    {
        var where = $"{recognizer.Id}/{spec.Id}";
        var validator = spec.Validator is null
            ? null
            : PatternValidators.Find(spec.Validator)
                ?? throw new InvalidDataException($"The pattern {where} names an unknown validator {spec.Validator}.");
        var text = Placeholder()
            .Replace(
                string.Concat(spec.Regex),
                m =>
                    Expand(m.Groups[1].Value, recognizer.Words, fragments)
                    ?? throw new InvalidDataException($"The pattern {where} names no word list or fragment {m.Value}.")
            );
        var options =
            RegexOptions.CultureInvariant
            | RegexOptions.Compiled
            | (spec.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new IdentifierPattern(spec.Id, new Regex(text, options), validator, spec.Digits ?? []);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The pattern {where} is not a valid regex: {e.Message}", e);
        }
    }

    /// <summary>A word list as one group, longest word first; a space in a word matches any white space.</summary>
    static string? Expand(
        string name,
        Dictionary<string, Dictionary<string, string[]>>? words,
        Dictionary<string, string> fragments
    )
    {
        if (words?.GetValueOrDefault(name) is { } byLanguage)
            return "(?:"
                + string.Join(
                    '|',
                    byLanguage
                        .Values.SelectMany(w => w)
                        .Distinct()
                        .OrderByDescending(w => w.Length)
                        .Select(w => Regex.Escape(w).Replace("\\ ", "\\s+"))
                )
                + ")";
        return fragments.GetValueOrDefault(name);
    }

    [GeneratedRegex(@"\{\{([a-z][a-z0-9-]*)\}\}")]
    private static partial Regex Placeholder();
}
