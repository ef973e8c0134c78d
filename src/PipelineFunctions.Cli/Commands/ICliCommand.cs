namespace PipelineFunctions.Cli.Commands;

/// <summary>A CLI verb. Each lives in its own file; Program finds them all.</summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code. Bad input: a message on stderr and non-zero.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
}
