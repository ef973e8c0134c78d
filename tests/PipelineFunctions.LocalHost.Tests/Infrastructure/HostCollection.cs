namespace PipelineFunctions.LocalHost.Tests.Infrastructure;

/// <summary>All tests share one host, one at a time (one of them kills its worker).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "LocalHost";
}
