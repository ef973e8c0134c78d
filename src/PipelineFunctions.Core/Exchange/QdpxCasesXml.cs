using System.Xml.Linq;

namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// The writer's part for what analysts compare by: <c>Variables</c> (GUIDs from their names), <c>Cases</c> with their
/// values, sources and passages (<c>SelectionRef</c>s to the source's <c>PlainTextSelection</c>s, which the writer adds
/// for every case passage), a source's own <c>VariableValue</c>s, and <c>Sets</c> of codes and sources.
/// </summary>
static class QdpxCasesXml
{
    static XNamespace Ns => QdpxWriter.Namespace;

    public static XElement Variable(QdaVariable variable) =>
        new(
            Ns + "Variable",
            new XAttribute("guid", QdaGuids.Variable(variable.Name)),
            new XAttribute("name", variable.Name),
            new XAttribute("typeOfVariable", variable.Type.ToString()),
            variable.Description is { Length: > 0 } description ? new XElement(Ns + "Description", description) : null
        );

    public static XElement Case(QdaProject project, QdaCase @case) =>
        new(
            Ns + "Case",
            new XAttribute("guid", @case.Guid),
            new XAttribute("name", @case.Name),
            @case.Description is { Length: > 0 } description ? new XElement(Ns + "Description", description) : null,
            Values(project, @case.Values),
            @case.SourceGuids.Select(g => new XElement(Ns + "SourceRef", new XAttribute("targetGUID", g))),
            @case.Passages.Select(p => new XElement(
                Ns + "SelectionRef",
                new XAttribute("targetGUID", QdaGuids.Selection(p.SourceGuid, p.Start, p.End))
            ))
        );

    /// <summary>The values in the order the project declares its variables, each in its type's element.</summary>
    public static IEnumerable<XElement> Values(QdaProject project, IReadOnlyDictionary<string, string>? values) =>
        (project.Variables ?? [])
            .Where(v => values?.ContainsKey(v.Name) == true)
            .Select(v => new XElement(
                Ns + "VariableValue",
                new XElement(Ns + "VariableRef", new XAttribute("targetGUID", QdaGuids.Variable(v.Name))),
                new XElement(Ns + $"{v.Type}Value", values![v.Name])
            ));

    public static XElement Set(QdaProject project, QdaSet set) =>
        new(
            Ns + "Set",
            new XAttribute("guid", set.Guid),
            new XAttribute("name", set.Name),
            set.Description is { Length: > 0 } description ? new XElement(Ns + "Description", description) : null,
            (set.CodeIds ?? []).Select(id => new XElement(
                Ns + "MemberCode",
                new XAttribute("targetGUID", QdaGuids.Code(project.Codebook, id))
            )),
            set.SourceGuids.Select(g => new XElement(Ns + "MemberSource", new XAttribute("targetGUID", g))),
            set.Passages is { Count: > 0 }
                ? new XElement(Ns + "MemberNote", new XAttribute("targetGUID", QdaGuids.SetNote(set.Guid)))
                : null
        );

    /// <summary>The case passages in a source, each written as a selection of its own.</summary>
    public static IEnumerable<QdaSpan> Passages(QdaProject project, QdaSource source) =>
        (project.Cases ?? [])
            .SelectMany(c => c.Passages)
            .Where(p => string.Equals(p.SourceGuid, source.Guid, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every variable a value names is declared, every source and code referred to is in the project, every passage inside its text.</summary>
    public static void Check(QdaProject project)
    {
        var declared = (project.Variables ?? []).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        if (declared.Count != (project.Variables ?? []).Count)
            throw new ArgumentException("Two variables share a name.", nameof(project));
        var values = (project.Cases ?? [])
            .SelectMany(c => c.Values.Keys)
            .Concat(project.Sources.SelectMany(s => s.Values?.Keys ?? []));
        if (values.FirstOrDefault(name => !declared.Contains(name)) is { } missing)
            throw new ArgumentException(
                $"A value is given for the variable '{missing}', which the project does not declare.",
                nameof(project)
            );
        foreach (var @case in project.Cases ?? [])
        {
            if (!Guid.TryParse(@case.Guid, out _))
                throw new ArgumentException("Every case needs a GUID.", nameof(project));
            if (@case.SourceGuids.Any(g => project.Source(g) is null))
                throw new ArgumentException("A case refers to a source that is not in the project.", nameof(project));
            foreach (var passage in @case.Passages)
                CheckPassage(project, passage, "A case passage is in a source that is not in the project.");
        }
        foreach (var set in project.Sets ?? [])
        {
            if (!Guid.TryParse(set.Guid, out _))
                throw new ArgumentException("Every set needs a GUID.", nameof(project));
            if (set.SourceGuids.Any(g => project.Source(g) is null))
                throw new ArgumentException("A set holds a source that is not in the project.", nameof(project));
            if ((set.CodeIds ?? []).Any(id => project.Codebook.Find(id) is null))
                throw new ArgumentException("A set holds a code that is not in the codebook.", nameof(project));
            foreach (var passage in set.Passages ?? [])
                CheckPassage(project, passage, "A set holds a passage of a source that is not in the project.");
        }
    }

    static void CheckPassage(QdaProject project, QdaSpan passage, string noSource) =>
        QdpxWriter.CheckSpan(
            project.Source(passage.SourceGuid) ?? throw new ArgumentException(noSource, nameof(project)),
            passage.Start,
            passage.End
        );
}
