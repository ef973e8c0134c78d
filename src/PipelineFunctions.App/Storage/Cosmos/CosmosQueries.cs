using Microsoft.Azure.Cosmos;

namespace PipelineFunctions.App.Storage.Cosmos;

static class CosmosQueries
{
    /// <summary>
    /// Reads every page of a query within one partition. The partition filter is written into the query text as
    /// well as set as the request's partition key: the local Cosmos server reads only the former, Azure uses both.
    /// </summary>
    public static async Task<List<T>> QueryPartitionAsync<T>(
        this Container container,
        string partition,
        CancellationToken ct,
        string select = "*",
        string? filter = null,
        params (string Name, object Value)[] parameters
    )
    {
        var key = CosmosContainers.PartitionKeys[container.Id].TrimStart('/');
        var query = new QueryDefinition(
            $"SELECT {select} FROM c WHERE c.{key} = @partition{(filter is null ? "" : $" AND ({filter})")}"
        ).WithParameter("@partition", partition);
        foreach (var (name, value) in parameters)
            query = query.WithParameter(name, value);
        var results = new List<T>();
        using var feed = container.GetItemQueryIterator<T>(
            query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) }
        );
        while (feed.HasMoreResults)
            results.AddRange(await feed.ReadNextAsync(ct));
        return results;
    }
}
