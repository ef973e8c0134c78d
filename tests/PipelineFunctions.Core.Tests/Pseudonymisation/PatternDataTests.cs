using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Pseudonymisation.Recognizers;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Patterns;

namespace PipelineFunctions.Core.Tests.Pseudonymisation;

/// <summary>
/// Data/patterns.json holds itself to account: it loads, its names resolve, and every pattern finds its examples and
/// nothing in its counter-examples (a bracketed part is what must be found, else the whole example).
/// </summary>
public sealed class PatternDataTests
{
    static PatternFile File => PatternCatalogue.File;

    public static TheoryData<string, string> Patterns()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in File.Recognizers)
        foreach (var p in r.Patterns)
            data.Add(r.Id, p.Id);
        return data;
    }

    public static TheoryData<string, string, string> Examples() => Of(p => p.Examples);

    public static TheoryData<string, string, string> CounterExamples() => Of(p => p.CounterExamples);

    static TheoryData<string, string, string> Of(Func<PatternSpec, string[]?> list)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in File.Recognizers)
        foreach (var p in r.Patterns)
        foreach (var e in list(p) ?? [])
            data.Add(r.Id, p.Id, e);
        return data;
    }

    [Fact]
    public void The_data_file_loads_into_recognizers_the_registry_runs()
    {
        Assert.Equal(File.Recognizers.Select(r => r.Id), PatternCatalogue.Recognizers.Select(r => r.Name));
        var running = RecognizerRegistry.For([], new HashSet<string>()).Select(r => r.Name).ToList();
        Assert.All(PatternCatalogue.Recognizers, r => Assert.Contains(r.Name, running));
    }

    [Fact]
    public void Every_recognizer_id_is_unique_and_every_pattern_id_within_its_recognizer()
    {
        Assert.Equal(File.Recognizers.Count, File.Recognizers.Select(r => r.Id).Distinct().Count());
        Assert.All(
            File.Recognizers,
            r => Assert.Equal(r.Patterns.Count, r.Patterns.Select(p => p.Id).Distinct().Count())
        );
        var others = RecognizerRegistry.For([], new HashSet<string>()).Select(r => r.Name).ToList();
        Assert.Equal(others.Count, others.Distinct().Count());
    }

    [Fact]
    public void Every_kind_is_an_identifier_kind_and_every_named_validator_exists()
    {
        Assert.All(File.Recognizers, r => Assert.Contains(r.Kind, IdentifierKinds.All));
        var named = File.Recognizers.SelectMany(r => r.Patterns).Select(p => p.Validator).OfType<string>().ToList();
        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.NotNull(PatternValidators.Find(n)));
        Assert.Equal(PatternValidators.All.Count, PatternValidators.All.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void A_mistake_in_the_file_stops_the_load()
    {
        var pattern = new PatternSpec("p", ["{{nothing}}"]);
        Assert.Throws<InvalidDataException>(() =>
            PatternCatalogue.Compile(new PatternFile(null, [new RecognizerSpec("r", IdentifierKinds.Id, 1, [pattern])]))
        );
        Assert.Throws<InvalidDataException>(() =>
            PatternCatalogue.Compile(
                new PatternFile(null, [new RecognizerSpec("r", "NUMBER", 1, [new PatternSpec("p", ["\\d+"])])])
            )
        );
        Assert.Throws<InvalidDataException>(() =>
            PatternCatalogue.Compile(
                new PatternFile(
                    null,
                    [
                        new RecognizerSpec(
                            "r",
                            IdentifierKinds.Id,
                            1,
                            [new PatternSpec("p", ["\\d+"], Validator: "none")]
                        ),
                    ]
                )
            )
        );
        Assert.Throws<InvalidDataException>(() =>
            PatternCatalogue.Compile(
                new PatternFile(
                    null,
                    [new RecognizerSpec("r", IdentifierKinds.Id, 1, [new PatternSpec("p", ["(\\d+"])])]
                )
            )
        );
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_pattern_compiles_and_has_an_example_and_a_counter_example(string recognizer, string pattern)
    {
        var spec = Spec(recognizer, pattern);
        Assert.NotNull(
            PatternCatalogue.Compile(File.Recognizers.Single(r => r.Id == recognizer), spec, File.Fragments ?? [])
        );
        Assert.NotEmpty(spec.Examples ?? []);
        Assert.NotEmpty(spec.CounterExamples ?? []);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_pattern_finds_its_examples(string recognizer, string pattern, string example)
    {
        var (text, start, length) = Marked(example);
        var found = Compiled(recognizer, pattern).Find(text).Select(g => (g.Index, g.Length)).ToList();
        Assert.Contains((start, length), found);
    }

    [Theory]
    [MemberData(nameof(CounterExamples))]
    public void No_pattern_finds_anything_in_its_counter_examples(string recognizer, string pattern, string text) =>
        Assert.Empty(Compiled(recognizer, pattern).Find(text).Select(g => g.Value));

    static PatternSpec Spec(string recognizer, string pattern) =>
        File.Recognizers.Single(r => r.Id == recognizer).Patterns.Single(p => p.Id == pattern);

    static IdentifierPattern Compiled(string recognizer, string pattern) =>
        PatternCatalogue.Recognizers.Single(r => r.Name == recognizer).Patterns.Single(p => p.Id == pattern);

    /// <summary>"Call [0772 123456] now" → the text without brackets and where the bracketed part stands.</summary>
    static (string Text, int Start, int Length) Marked(string example)
    {
        var open = example.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
            return (example, 0, example.Length);
        var close = example.IndexOf(']', open);
        return (example.Remove(close, 1).Remove(open, 1), open, close - open - 1);
    }
}
