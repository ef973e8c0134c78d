namespace PipelineFunctions.Cli.Commands;

/// <summary>Positional arguments and <c>--name value</c> options, as every verb takes them.</summary>
public sealed class CliArgs
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public static CliArgs Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArgs();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                // The options that take no value: every verb prints its usage for help; dry-run writes nothing.
                if (name is "help" or "dry-run")
                {
                    parsed.Options[name] = "true";
                    continue;
                }
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException($"--{name} needs a value.");
                parsed.Options[name] = args[++i];
            }
            else
                parsed.Positional.Add(args[i]);
        }
        return parsed;
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    /// <summary>Whether a flag without a value (<c>--dry-run</c>) was given.</summary>
    public bool Flag(string name) => Options.ContainsKey(name);

    /// <summary>Whether the arguments ask for the usage (<c>--help</c> or <c>-h</c>).</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    public string Required(string name) =>
        Options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
}
