namespace PipelineFunctions.Integration.Tests.Infrastructure;

static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PipelineFunctions.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
