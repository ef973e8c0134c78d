using System.Text.RegularExpressions;

namespace PipelineFunctions.App.Tests.Architecture;

/// <summary>
/// No two folders of the app (or of the CLI) depend on each other, directly or round a loop: read from the source
/// files' namespaces, their <c>using</c>s and the namespaces their code names in full or from the project's root.
/// A folder may use its own subfolders and they it: they are one part.
/// </summary>
public sealed partial class FolderCycleTests
{
    static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PipelineFunctions.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository's root (PipelineFunctions.sln) is not above the tests.");
    }

    /// <summary>Each namespace of a project and the project's namespaces its files name.</summary>
    public static Dictionary<string, HashSet<string>> Dependencies(string project)
    {
        var root = $"PipelineFunctions.{project}";
        var files = Directory
            .EnumerateFiles(Path.Combine(Repo(), "src", root), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
            )
            .Select(File.ReadAllText)
            .ToList();
        var declared = files
            .Select(s => Namespace().Match(s))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        var graph = declared.ToDictionary(n => n, _ => new HashSet<string>());
        foreach (var source in files)
        {
            if (Namespace().Match(source) is not { Success: true } own)
                continue;
            var from = own.Groups[1].Value;
            var code = Noise().Replace(source, " ");
            var named = Using()
                .Matches(code)
                .Select(m => m.Groups[1].Value)
                .Concat(
                    Qualified()
                        .Matches(code)
                        .Select(m =>
                            m.Value.StartsWith(root + ".", StringComparison.Ordinal) ? m.Value : $"{root}.{m.Value}"
                        )
                );
            foreach (var name in named)
                if (Longest(declared, name) is { } to && !Related(from, to))
                    graph[from].Add(to);
        }
        return graph;
    }

    static string? Longest(HashSet<string> declared, string name)
    {
        for (var n = name; n.Contains('.'); n = n[..n.LastIndexOf('.')])
            if (declared.Contains(n))
                return n;
        return null;
    }

    static bool Related(string a, string b) =>
        a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);

    /// <summary>Every loop in the graph, as the namespaces in it (strongly connected parts of more than one).</summary>
    public static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var (index, low, stack, on, found) = (
            new Dictionary<string, int>(),
            new Dictionary<string, int>(),
            new Stack<string>(),
            new HashSet<string>(),
            new List<List<string>>()
        );
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            on.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (on.Contains(w))
                    low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v])
                return;
            var part = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                on.Remove(x);
                part.Add(x);
            } while (x != v);
            if (part.Count > 1)
                found.Add([.. part.Order()]);
        }
        foreach (var v in graph.Keys.Order())
            if (!index.ContainsKey(v))
                Visit(v);
        return found;
    }

    static string Describe(List<string> cycle, Dictionary<string, HashSet<string>> graph) =>
        string.Join("; ", cycle.Select(n => $"{n} -> {string.Join(", ", graph[n].Where(cycle.Contains))}"));

    [Theory]
    [InlineData("App")]
    [InlineData("Cli")]
    public void No_folder_depends_on_another_that_depends_back(string project)
    {
        var graph = Dependencies(project);
        Assert.True(graph.Count >= 3, $"{graph.Count} namespaces read");
        Assert.True(graph.Values.Sum(d => d.Count) >= 3, "the dependencies were read");
        Assert.Equal("", string.Join(" | ", Cycles(graph).Select(c => Describe(c, graph))));
    }

    [Fact]
    public void A_loop_round_three_folders_is_found()
    {
        // Positive control for the check above.
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };
        Assert.Equal(
            [
                ["A", "B", "C"],
            ],
            Cycles(graph)
        );
    }

    [Fact]
    public void The_app_reads_the_stores_through_the_workflow_not_back()
    {
        // The folders the issue found in a loop: storage and uploads may use the workflow, the workflow neither.
        var graph = Dependencies("App");
        Assert.Contains("PipelineFunctions.App.Workflow", graph["PipelineFunctions.App.Uploads"]);
        Assert.DoesNotContain(
            graph["PipelineFunctions.App.Workflow"],
            n => n.StartsWith("PipelineFunctions.App.Storage", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("PipelineFunctions.App.Uploads", graph["PipelineFunctions.App.Workflow"]);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?(PipelineFunctions\.[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Using();

    /// <summary>
    /// A dotted name in code: in full, or from the project's root (<c>Model.X</c>, <c>Storage.Cosmos.Y</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![\w.])(?:PipelineFunctions\.(?:App|Cli)\.)?[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex Qualified();

    /// <summary>Comments and string literals, which name no dependency.</summary>
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex Noise();
}
