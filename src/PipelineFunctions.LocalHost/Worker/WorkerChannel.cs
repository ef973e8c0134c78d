using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Grpc.Core;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// One connected worker's stream: sends requests, matches each response to its waiter, forwards the worker's logs,
/// and fails every waiter the moment the stream or the process ends.
/// </summary>
public sealed class WorkerChannel(IServerStreamWriter<JsonObject> writer, ILogger logger)
{
    /// <summary>Response field → the request field that keys its waiter (null: one at a time, keyed by kind).</summary>
    static readonly (string Response, string? Key)[] Responses =
    [
        ("invocationResponse", "invocationId"),
        ("functionLoadResponse", "functionId"),
        ("workerInitResponse", null),
        ("functionMetadataResponse", null),
    ];

    readonly SemaphoreSlim _write = new(1, 1);
    readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiting = new();
    readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => _closed.Task;

    /// <summary>Sends <paramref name="body"/> as <paramref name="requestField"/> and waits for the matching response.</summary>
    public async Task<JsonObject> RequestAsync(
        string requestField,
        JsonObject body,
        string responseField,
        string key = ""
    )
    {
        var waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[responseField + ":" + key] = waiter;
        if (_closed.Task.IsCompleted)
            throw new WorkerUnavailableException();
        await SendAsync(requestField, body);
        return await waiter.Task;
    }

    /// <summary>Sends <paramref name="body"/> as <paramref name="requestField"/>; no answer is expected.</summary>
    public async Task SendAsync(string requestField, JsonObject body)
    {
        await _write.WaitAsync();
        try
        {
            await writer.WriteAsync(
                new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), [requestField] = body }
            );
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or RpcException)
        {
            Close();
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task ReadAsync(IAsyncStreamReader<JsonObject> reader, CancellationToken ct)
    {
        try
        {
            while (await reader.MoveNext(ct))
                Dispatch(reader.Current);
        }
        catch (Exception e)
            when (e is IOException or OperationCanceledException or RpcException or InvalidOperationException) { }
        finally
        {
            Close();
        }
    }

    public void Close()
    {
        _closed.TrySetResult();
        foreach (var key in _waiting.Keys)
            if (_waiting.TryRemove(key, out var waiter))
                waiter.TrySetException(new WorkerUnavailableException());
    }

    void Dispatch(JsonObject message)
    {
        if (message["rpcLog"] is JsonObject log)
        {
            WorkerLog.Write(logger, log);
            return;
        }
        foreach (var (response, key) in Responses)
        {
            if (message[response] is not JsonObject body)
                continue;
            var id = key is null ? "" : body[key]?.GetValue<string>() ?? "";
            if (_waiting.TryRemove(response + ":" + id, out var waiter))
                waiter.TrySetResult(body);
            return;
        }
    }
}
