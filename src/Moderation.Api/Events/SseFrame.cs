using System.Text;

namespace Moderation.Api.Events;

/// <summary>
/// One server-sent event, encoded once: a message that goes to ten thousand listeners is formatted and turned into
/// UTF-8 once, and every listener's response gets the same bytes.
/// </summary>
public sealed class SseFrame
{
    private SseFrame(byte[] bytes) => Bytes = bytes;

    /// <summary>A comment line that keeps proxies from closing a quiet stream.</summary>
    public static SseFrame KeepAlive { get; } = new(": keep-alive\n\n"u8.ToArray());

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <param name="eventName">The event's type (no line breaks).</param>
    /// <param name="json">One line of JSON: the serializer never writes a raw line break.</param>
    public static SseFrame Event(string eventName, string json) => new(Encoding.UTF8.GetBytes($"event: {eventName}\ndata: {json}\n\n"));
}
