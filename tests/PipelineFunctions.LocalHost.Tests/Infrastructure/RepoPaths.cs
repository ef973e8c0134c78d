namespace PipelineFunctions.LocalHost.Tests.Infrastructure;

/// <summary>Where the built host and fixture app are, in the configuration these tests were built in.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    static string Configuration =>
        AppContext.BaseDirectory.Contains(
            $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal
        )
            ? "Release"
            : "Debug";

    public static string HostDll =>
        Path.Combine(
            Root,
            "src",
            "PipelineFunctions.LocalHost",
            "bin",
            Configuration,
            "net10.0",
            "PipelineFunctions.LocalHost.dll"
        );

    public static string SampleWorker =>
        Path.Combine(Root, "tests", "Fixtures", "SampleWorker", "bin", Configuration, "net10.0");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PipelineFunctions.sln")))
                return dir.FullName;
        throw new InvalidOperationException("PipelineFunctions.sln not found above the test output.");
    }
}
