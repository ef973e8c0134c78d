using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of one storage port that a test can cut. Cut, it resets every open connection and
/// every new one at once, as storage gone from the network would (it keeps its port, bound at 0 once, so no other
/// process can take it meanwhile), while the storage behind it keeps every
/// acknowledged write. Stopping Azurite itself is no such outage: it first drains open connections for a minute or
/// more, so on a fast machine the work in flight finished before storage was ever gone.
/// </summary>
public sealed class StorageRelay : IDisposable
{
    readonly int _target;
    readonly ConcurrentDictionary<Socket, byte> _open = new();
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    volatile bool _cut;

    public StorageRelay(int target)
    {
        _target = target;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public void Restore() => _cut = false;

    public void Cut()
    {
        _cut = true;
        foreach (var socket in _open.Keys)
            Reset(socket);
    }

    async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            if (_cut)
            {
                _open[client] = 0;
                Reset(client);
            }
            else
                _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _target);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    /// <summary>Closes with no linger: the peer gets a reset, not a polite end of stream.</summary>
    void Reset(Socket socket)
    {
        if (!_open.TryRemove(socket, out _))
            return;
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }

    public void Dispose()
    {
        Cut();
        _listener.Stop();
    }
}
