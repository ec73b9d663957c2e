using System.Net;
using System.Net.Sockets;

namespace Moderation.Testing;

/// <summary>
/// Loopback ports for the servers the tests start. They come from below Linux's ephemeral range (32768 and up), never
/// from the kernel's "any free port": a port the kernel hands out here and a test releases until its child process
/// binds it can be handed out again meanwhile, to the embedded store inside that very silo or to any outgoing
/// connection, and the silo then dies with "address already in use".
/// </summary>
public static class TestPorts
{
    private const int First = 20_000;
    private const int EphemeralStart = 32_768;

    /// <summary>A port that is free now, chosen at random below the ephemeral range.</summary>
    public static int Free() => Pick(First, EphemeralStart, extra: null);

    /// <summary>A free port whose <paramref name="offset"/> neighbour (e.g. a Redis Cluster bus port, +10000) is free as well; both below the ephemeral range.</summary>
    public static int FreeWithNeighbour(int offset) => Pick(First, EphemeralStart - offset, offset);

    private static int Pick(int from, int to, int? extra)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(from, to);
            if (IsFree(port) && (extra is not { } offset || IsFree(port + offset)))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"Found no free loopback port between {from} and {to}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
