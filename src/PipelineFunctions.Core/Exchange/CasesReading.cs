using System.Xml.Linq;
using static PipelineFunctions.Core.Exchange.QdpxReader;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// The reader's part for variables, cases and sets. Variables are read first (values name them by GUID); cases and sets
/// last, once the sources and their selections are known, keeping only references to what was placed.
/// </summary>
sealed class CasesReading
{
    readonly XElement root;
    readonly ImportFindings findings;
    readonly Dictionary<string, QdaVariable> variables = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<QdaVariable>? Variables { get; }

    public CasesReading(XElement root, ImportFindings findings)
    {
        (this.root, this.findings) = (root, findings);
        var list = new List<QdaVariable>();
        foreach (var element in Child(root, "Variables") is { } v ? Children(v, "Variable") : [])
        {
            if (
                (string?)element.Attribute("guid") is not { } guid
                || (string?)element.Attribute("name") is not { Length: > 0 } name
            )
                continue;
            // Two variables of one name (a tool's copy) become one: values are kept by name.
            var variable =
                list.FirstOrDefault(x => x.Name == name)
                ?? new QdaVariable(
                    name,
                    Enum.TryParse<QdaVariableType>((string?)element.Attribute("typeOfVariable"), out var type)
                        ? type
                        : QdaVariableType.Text,
                    Description(element)
                );
            if (!list.Contains(variable))
                list.Add(variable);
            variables[guid] = variable;
        }
        Variables = list.Count > 0 ? list : null;
        foreach (var set in Child(root, "Sets") is { } sets ? Children(sets, "Set") : [])
            MemberNotes.UnionWith(Targets(set, "MemberNote"));
    }

    /// <summary>An element's <c>VariableValue</c>s by variable name; a value for a variable the file does not declare is reported.</summary>
    public IReadOnlyDictionary<string, string>? ValuesOf(XElement element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in Children(element, "VariableValue"))
        {
            var target = (string?)Child(value, "VariableRef")?.Attribute("targetGUID");
            if (target is null || !variables.TryGetValue(target, out var variable))
            {
                findings.Add(
                    QdpxProblem.BrokenReference,
                    "A variable value refers to a variable the project does not declare; it was left out."
                );
                continue;
            }
            if (
                value.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Value", StringComparison.Ordinal)) is
                { } content
            )
                values[variable.Name] = content.Value;
        }
        return values.Count > 0 ? values : null;
    }

    public IReadOnlyList<QdaCase>? Cases(ISet<string> placedSources, IReadOnlyDictionary<string, QdaSpan> selections)
    {
        var cases = new List<QdaCase>();
        foreach (var (element, index, guid) in Numbered("Cases", "Case"))
        {
            var sources = Targets(element, "SourceRef").ToList();
            var passages = new List<QdaSpan>();
            foreach (var target in Targets(element, "SelectionRef"))
                if (selections.TryGetValue(target, out var span))
                    passages.Add(span);
                else
                    findings.Add(
                        QdpxProblem.BrokenReference,
                        $"Case {index} refers to a passage that is not in a placed text source; that passage was left out."
                    );
            if (sources.Any(s => !placedSources.Contains(s)))
                findings.Add(
                    QdpxProblem.BrokenReference,
                    $"Case {index} refers to a source that was not placed; the reference was left out."
                );
            cases.Add(
                new QdaCase(
                    guid,
                    (string?)element.Attribute("name") ?? $"Case {index}",
                    ValuesOf(element) ?? new Dictionary<string, string>(),
                    sources.Where(placedSources.Contains).ToList(),
                    passages,
                    Description(element)
                )
            );
        }
        return cases.Count > 0 ? cases : null;
    }

    /// <summary>The notes that are members of a set: each names the set's passages; none is a coder's memo.</summary>
    public HashSet<string> MemberNotes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="passagesOf">The placed passages that refer to a note, by the note's GUID.</param>
    /// <param name="noteText">A note's text, by its GUID: a set without a description takes its notes'.</param>
    public IReadOnlyList<QdaSet>? Sets(
        ISet<string> placedSources,
        IReadOnlyDictionary<string, string> codeIds,
        Func<string, IReadOnlyList<QdaSpan>> passagesOf,
        Func<string, string?> noteText
    )
    {
        var sets = new List<QdaSet>();
        foreach (var (element, index, guid) in Numbered("Sets", "Set"))
        {
            var sources = Targets(element, "MemberSource").ToList();
            var codes = Targets(element, "MemberCode").ToList();
            var notes = Targets(element, "MemberNote").ToList();
            var passages = notes.SelectMany(passagesOf).Distinct().ToList();
            var description =
                Description(element)
                ?? (
                    notes.Select(noteText).OfType<string>().ToList() is { Count: > 0 } texts
                        ? string.Join("\n", texts)
                        : null
                );
            if (sources.Any(x => !placedSources.Contains(x)) || codes.Any(x => !codeIds.ContainsKey(x)))
                findings.Add(
                    QdpxProblem.BrokenReference,
                    $"Set {index} holds a source that was not placed or a code that is not in the codebook; those members were left out."
                );
            var codeList = codes.Where(codeIds.ContainsKey).Select(x => codeIds[x]).ToList();
            sets.Add(
                new QdaSet(
                    guid,
                    (string?)element.Attribute("name") ?? $"Set {index}",
                    sources.Where(placedSources.Contains).ToList(),
                    codeList.Count > 0 ? codeList : null,
                    description,
                    passages.Count > 0 ? passages : null
                )
            );
        }
        return sets.Count > 0 ? sets : null;
    }

    /// <summary>The items of a section with their number in the file (for messages) and their GUID, which the schema requires.</summary>
    IEnumerable<(XElement Element, int Number, string Guid)> Numbered(string section, string item) =>
        (Child(root, section) is { } s ? Children(s, item) : []).Select(
            (e, i) =>
                (
                    e,
                    i + 1,
                    (string?)e.Attribute("guid")
                        ?? throw new QdpxRejectedException(QdpxProblem.BrokenReference, $"{item} {i + 1} has no GUID.")
                )
        );

    static string? Description(XElement element) =>
        Child(element, "Description")?.Value is { Length: > 0 } d ? d : null;

    static IEnumerable<string> Targets(XElement element, string name) =>
        Children(element, name).Select(e => (string?)e.Attribute("targetGUID")).OfType<string>();
}
