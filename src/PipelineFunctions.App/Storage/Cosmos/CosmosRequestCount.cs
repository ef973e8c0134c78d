using Microsoft.Azure.Cosmos;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>
/// Counts Cosmos requests and their request units within a scope: the HTTP server step opens one per request and puts
/// the figures on the request's span (<c>pipeline.cosmos.requests</c>, <c>pipeline.cosmos.request_units</c>), so the
/// cost of every API call shows in its trace, and tests hold pages to it.
/// </summary>
public sealed class CosmosRequestCount : RequestHandler
{
    static readonly AsyncLocal<Tally?> Current = new();

    public sealed class Tally
    {
        int _requests;
        long _centiUnits;

        public int Requests => _requests;
        public double RequestUnits => _centiUnits / 100.0;

        internal void Add(double charge)
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _centiUnits, (long)Math.Round(charge * 100));
        }
    }

    /// <summary>Starts counting for the calling flow (and every task it starts).</summary>
    public static Tally Begin() => Current.Value = new Tally();

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Current.Value?.Add(response.Headers.RequestCharge);
        return response;
    }
}
