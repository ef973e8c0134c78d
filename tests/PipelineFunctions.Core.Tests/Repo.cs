namespace PipelineFunctions.Core.Tests;

/// <summary>The repository the tests run in, for its samples.</summary>
static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PipelineFunctions.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
