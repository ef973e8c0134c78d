using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of one storage port that a test can cut. Cut, it resets every open connection and
/// refuses new ones at once, as storage gone from the network would, while the storage behind it keeps every
/// acknowledged write. Stopping Azurite itself is no such outage: it first drains open connections for a minute or
/// more, so on a fast machine the work in flight finished before storage was ever gone.
/// </summary>
public sealed class StorageRelay : IDisposable
{
    readonly int _target;
    readonly ConcurrentDictionary<Socket, byte> _open = new();
    TcpListener? _listener;

    public StorageRelay(int target)
    {
        _target = target;
        Port = AppProcess.FreePort();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var socket in _open.Keys) Reset(socket);
    }

    async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException) { return; }
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
        if (!_open.TryRemove(socket, out _)) return;
        try { socket.LingerState = new LingerOption(true, 0); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }

    public void Dispose() => Cut();
}
