namespace PipelineFunctions.LocalHost.Tests.Infrastructure;

/// <summary>The storage the tests run against: <c>PIPELINE_TEST_STORAGE</c>, else the Azurite that ./test.sh starts.</summary>
public static class TestStorage
{
    const string DevelopmentAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("PIPELINE_TEST_STORAGE") is { Length: > 0 } given ? given : DevelopmentAccount;
}
