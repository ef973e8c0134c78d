using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineFunctions.App.Middleware;
using Missing = PipelineFunctions.App.Middleware.Missing;

namespace PipelineFunctions.App.Tests.Contracts;

/// <summary>
/// The HTTP API's contract, read from the built <c>functions.metadata</c> and each entry point's signature: every
/// function names its answers, none of them is a storage document, and each problem it names answers with its own
/// status and <c>type</c>.
/// </summary>
public sealed class HttpContractTests
{
    static readonly Assembly App = typeof(Problems).Assembly;
    static readonly string[] StorageNamespaces = ["PipelineFunctions.App.Model", "PipelineFunctions.App.Storage"];

    /// <summary>Every HTTP function in the built metadata, by name, with the method its entry point names.</summary>
    static IReadOnlyDictionary<string, MethodInfo> Functions()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!;
        return metadata
            .AsArray()
            .Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger"))
            .ToDictionary(
                f => (string)f!["name"]!,
                f =>
                {
                    var entry = (string)f!["entryPoint"]!;
                    var type = App.GetType(entry[..entry.LastIndexOf('.')], throwOnError: true)!;
                    return type.GetMethod(entry[(entry.LastIndexOf('.') + 1)..])!;
                }
            );
    }

    public static TheoryData<string> FunctionNames() => [.. Functions().Keys.Order()];

    /// <summary>The answers a function declares: its return type without Task, each union unwrapped.</summary>
    static List<Type> Answers(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            type = type.GetGenericArguments()[0];
        return Flatten(type).ToList();
    }

    static IEnumerable<Type> Flatten(Type type) =>
        typeof(INestedHttpResult).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Flatten)
            : [type];

    static IEnumerable<Type> ProblemKinds(IEnumerable<Type> answers) =>
        answers
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Problem<>))
            .Select(t => t.GetGenericArguments()[0]);

    [Fact]
    public void The_metadata_names_every_http_function_and_its_entry_point()
    {
        var functions = Functions();
        Assert.True(functions.Count > 40, $"{functions.Count} HTTP functions");
        Assert.Equal(FunctionPolicy.All.Keys.Order(), functions.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void A_function_names_each_answer_it_gives_in_its_signature(string function)
    {
        var answers = Answers(Functions()[function]);
        Assert.All(
            answers,
            a =>
            {
                Assert.True(typeof(IResult).IsAssignableFrom(a), $"{function} answers {a.Name}, not a result");
                Assert.False(a.IsInterface || a.IsAbstract, $"{function} answers the open {a.Name}: name the answers");
            }
        );
        Assert.Contains(answers, a => !ProblemKinds([a]).Any());
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void No_answer_is_a_storage_document(string function)
    {
        var reached = new HashSet<Type>();
        foreach (var answer in Answers(Functions()[function]))
        foreach (
            var value in answer
                .GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValueHttpResult<>))
                .Select(i => i.GetGenericArguments()[0])
        )
            Reach(value, reached);
        var storage = reached.Where(t => !t.IsEnum && StorageNamespaces.Any(n => t.Namespace?.StartsWith(n) == true));
        Assert.Empty(storage.Select(t => t.FullName));
    }

    /// <summary>Every type a value's JSON is made of: properties, elements and type arguments, transitively.</summary>
    static void Reach(Type type, HashSet<Type> reached)
    {
        if (type.IsPrimitive || type == typeof(string) || !reached.Add(type))
            return;
        if (type.IsArray)
            Reach(type.GetElementType()!, reached);
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            Reach(argument, reached);
        if (type.Namespace?.StartsWith("System") == true)
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            Reach(property.PropertyType, reached);
    }

    [Fact]
    public void The_wire_check_finds_a_storage_document_when_there_is_one()
    {
        // Positive control for the test above: a list of documents inside an answer is reached.
        var reached = new HashSet<Type>();
        Reach(
            typeof(Ok<Dictionary<string, List<Model.StatusChange>>>)
                .GetInterfaces()
                .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValueHttpResult<>))
                .GetGenericArguments()[0],
            reached
        );
        Assert.Contains(typeof(Model.StatusChange), reached);
    }

    static IEnumerable<Type> AllKinds() =>
        App.GetTypes().Where(t => !t.IsAbstract && typeof(IProblemKind).IsAssignableFrom(t));

    static IProblem Example(Type kind) =>
        (IProblem)Activator.CreateInstance(typeof(Problem<>).MakeGenericType(kind), "A sentence.", null)!;

    [Fact]
    public void Each_kind_of_problem_has_its_own_type_and_an_error_status()
    {
        var kinds = AllKinds().Select(Example).ToList();
        Assert.True(kinds.Count >= 14, $"{kinds.Count} kinds");
        Assert.Equal(kinds.Count, kinds.Select(p => p.Details.Type).Distinct().Count());
        Assert.All(
            kinds,
            p =>
            {
                Assert.StartsWith("urn:transcript-pipeline:problem:", p.Details.Type);
                Assert.InRange(p.Details.Status ?? 0, 400, 599);
                Assert.Equal(p.Details.Status, ((IStatusCodeHttpResult)p).StatusCode);
            }
        );
    }

    public static TheoryData<string> DeclaredKinds() =>
        [.. Functions().Values.SelectMany(m => ProblemKinds(Answers(m))).Distinct().Select(k => k.Name).Order()];

    [Theory]
    [MemberData(nameof(DeclaredKinds))]
    public async Task A_declared_problem_is_written_as_problem_json_with_its_status_and_type(string kindName)
    {
        var kind = AllKinds().Single(k => k.Name == kindName);
        var problem = Example(kind);
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection()
                .AddOptions()
                .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
                .AddProblemDetails()
                .BuildServiceProvider(),
        };
        http.Response.Body = new MemoryStream();
        await ((IResult)problem).ExecuteAsync(http);
        Assert.Equal(problem.Details.Status, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType);
        http.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(problem.Details.Type, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("A sentence.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void The_status_of_an_answer_is_read_through_its_union()
    {
        // The audit and the request span read the status: a problem inside a union (or a union in a union) is no 200.
        Results<Ok<string>, Problem<Missing>> missing = Problems.NotFound("x");
        Results<Ok<string>, Results<Problem<NoStudy>, Problem<Stale>>> nested =
            (Results<Problem<NoStudy>, Problem<Stale>>)Problems.PreconditionFailed("x");
        Results<Ok<string>, Problem<Missing>> found = TypedResults.Ok("x");
        Assert.Equal(404, HttpFunction.StatusOf(missing));
        Assert.Equal(412, HttpFunction.StatusOf(nested));
        Assert.Equal(200, HttpFunction.StatusOf(found));
        Assert.Equal(Problems.Types.Stale, Problems.Of(nested)?.Type);
        Assert.Null(Problems.Of(found));
    }

    [Fact]
    public void The_pages_match_only_problem_types_the_app_has()
    {
        var known = typeof(Problems.Types).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var pages = Path.Combine(AppContext.BaseDirectory, "wwwroot", "app");
        var matched = Directory
            .EnumerateFiles(pages, "*.js", SearchOption.AllDirectories)
            .SelectMany(f =>
                System
                    .Text.RegularExpressions.Regex.Matches(
                        File.ReadAllText(f),
                        "urn:transcript-pipeline:problem:[a-z-]+"
                    )
                    .Select(m => m.Value)
            )
            .ToList();
        Assert.NotEmpty(matched);
        Assert.All(matched, t => Assert.Contains(t, known));
    }
}
