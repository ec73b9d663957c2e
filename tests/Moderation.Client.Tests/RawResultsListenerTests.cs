using System.Net;
using System.Net.Sockets;
using System.Text;
using Moderation.Client.Load;

namespace Moderation.Client.Tests;

/// <summary>The fan-out generator's bare-socket listener, against a loopback socket that sends the bytes a test chooses.</summary>
public sealed class RawResultsListenerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_total_is_recorded_once_however_the_chunked_stream_is_cut()
    {
        var stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" +
            Chunk("event: results\ndata: {\"pollId\":\"p\",\"totalVotes\":7,\"version\":3}\n\n") +
            Chunk(": keep-alive\n\n") +
            Chunk("event: results\ndata: {\"pollId\":\"p\",\"totalVotes\":8,\"version\":4}\n\n") +
            Chunk("event: results\ndata: {\"pollId\":\"p\",\"totalVotes\":8,\"version\":5}\n\n") +
            Chunk("event: results\ndata: {\"pollId\":\"p\",\"totalVotes\":10,\"version\":6}\n\n");

        var listener = await ListenToAsync(Encoding.ASCII.GetBytes(stream), piece: 7, firstTotal: 8, votes: 3);

        Assert.True(listener.Connected);
        Assert.NotEqual(0, listener.Arrivals[0]);
        Assert.Equal(0, listener.Arrivals[1]);
        Assert.NotEqual(0, listener.Arrivals[2]);
    }

    [Fact]
    public async Task A_stream_that_is_not_200_fails_with_its_status_line()
    {
        var stream = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ListenToAsync(Encoding.ASCII.GetBytes(stream), piece: 100, firstTotal: 1, votes: 1));

        Assert.Contains("HTTP/1.1 404 Not Found", failure.Message);
    }

    private static string Chunk(string text) => $"{Encoding.UTF8.GetByteCount(text):x}\r\n{text}\r\n";

    /// <summary>Serves <paramref name="bytes"/> in pieces of <paramref name="piece"/> bytes, then closes; the listener reads to the end.</summary>
    private static async Task<RawResultsListener> ListenToAsync(byte[] bytes, int piece, long firstTotal, int votes)
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/");
        var listener = new RawResultsListener(RawResultsListener.EndPointOf(address), RawResultsListener.RequestFor(address, "p"), firstTotal, votes);
        var socket = await listener.ConnectAsync(CancellationToken.None);
        var receiving = listener.ReceiveAsync(socket, CancellationToken.None);
        using (var accepted = await server.AcceptSocketAsync())
        {
            var request = new byte[4096];
            var received = 0;
            while (!Encoding.ASCII.GetString(request, 0, received).EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                received += await accepted.ReceiveAsync(request.AsMemory(received));
            }

            for (var offset = 0; offset < bytes.Length; offset += piece)
            {
                await accepted.SendAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)));
                await Task.Delay(1);
            }

            accepted.Shutdown(SocketShutdown.Send);
            await receiving.WaitAsync(Wait);
        }

        return listener;
    }
}
