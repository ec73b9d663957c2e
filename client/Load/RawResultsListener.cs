using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Moderation.Client.Load;

/// <summary>
/// One listener of a poll's event stream on a bare socket: a hand-written GET, then a scan of the bytes for each
/// results event's <c>totalVotes</c>. No HttpClient, no JSON parse and no allocation per event, so that ten thousand
/// of them in one process cost the generator little next to what they cost the service.
/// </summary>
internal sealed class RawResultsListener(EndPoint endpoint, byte[] request, long firstTotal, int votes)
{
    private static readonly byte[] TotalVotes = "\"totalVotes\":"u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] StatusOk = "HTTP/1.1 200"u8.ToArray();

    private readonly long[] _arrivals = new long[votes];
    private byte[] _buffer = new byte[1024];
    private int _filled;
    private bool _headersChecked;

    /// <summary>Stopwatch timestamp of the first results event showing total <c>firstTotal + i</c>; 0 if none did.</summary>
    public ReadOnlySpan<long> Arrivals => _arrivals;

    /// <summary>Set once the first results event (the current totals) has arrived.</summary>
    public bool Connected { get; private set; }

    public static byte[] RequestFor(Uri baseUrl, string pollId) => Encoding.ASCII.GetBytes(
        $"GET {baseUrl.AbsolutePath.TrimEnd('/')}/api/polls/{Uri.EscapeDataString(pollId)}/events HTTP/1.1\r\n" +
        $"Host: {baseUrl.Authority}\r\nAccept: text/event-stream\r\n\r\n");

    public static EndPoint EndPointOf(Uri baseUrl) => IPAddress.TryParse(baseUrl.Host, out var address)
        ? new IPEndPoint(address, baseUrl.Port)
        : new DnsEndPoint(baseUrl.Host, baseUrl.Port);

    /// <summary>Connects and sends the request; <see cref="ReceiveAsync"/> then reads until cancelled or closed.</summary>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        using (socket)
        {
            while (true)
            {
                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var read = await socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                _filled += read;
                var consumed = Scan(_buffer.AsSpan(0, _filled), now);
                _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
                _filled -= consumed;
            }
        }
    }

    /// <summary>Records every complete event in <paramref name="bytes"/> and returns how many bytes it used.</summary>
    private int Scan(ReadOnlySpan<byte> bytes, long now)
    {
        if (!_headersChecked)
        {
            if (bytes.Length < StatusOk.Length)
            {
                return 0;
            }

            if (!bytes.StartsWith(StatusOk))
            {
                var line = bytes.IndexOf((byte)'\r');
                throw new InvalidOperationException($"The event stream answered {Encoding.ASCII.GetString(line > 0 ? bytes[..line] : bytes)}");
            }

            _headersChecked = true;
        }

        var consumed = 0;
        int end;
        while ((end = bytes[consumed..].IndexOf(EventEnd)) >= 0)
        {
            var message = bytes.Slice(consumed, end);
            consumed += end + EventEnd.Length;
            var at = message.IndexOf(TotalVotes);
            if (at >= 0 && Utf8Parser.TryParse(message[(at + TotalVotes.Length)..], out long total, out _))
            {
                Connected = true;
                var index = total - firstTotal;
                if (index >= 0 && index < _arrivals.Length && _arrivals[index] == 0)
                {
                    _arrivals[index] = now;
                }
            }
        }

        return consumed;
    }
}
