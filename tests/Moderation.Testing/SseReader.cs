using System.Text.Json;
using System.Threading.Channels;
using Xunit;

namespace Moderation.Testing;

/// <summary>Reads a text/event-stream response in the background: each event with its id, name and data, and the comment lines.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly HttpResponseMessage _response;
    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _commentLines;

    private SseReader(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Comment lines (keep-alives) seen so far.</summary>
    public int CommentLines => Volatile.Read(ref _commentLines);

    /// <summary>Opens the stream, naming <paramref name="lastEventId"/> in <c>Last-Event-ID</c> when given.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response);
    }

    /// <summary>Opens a resumable stream and waits for its <c>ready</c> event, after any replayed ones (returned in order).</summary>
    public static async Task<(SseReader Reader, List<SseEvent> Replayed, long LastEventId)> OpenUntilReadyAsync(
        HttpClient client, string path, string? lastEventId = null)
    {
        var reader = await OpenAsync(client, path, lastEventId);
        var replayed = new List<SseEvent>();
        while (true)
        {
            var next = await reader.NextAsync();
            if (next.Name == "ready")
            {
                return (reader, replayed, next.Data.GetProperty("lastEventId").GetInt64());
            }

            replayed.Add(next);
        }
    }

    public async Task<SseEvent> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? DefaultWait);
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next event named <paramref name="name"/>, skipping others, all within <paramref name="within"/>.</summary>
    public async Task<SseEvent> NextNamedAsync(string name, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? DefaultWait);
        while (true)
        {
            var next = await _events.Reader.ReadAsync(timeout.Token);
            if (next.Name == name)
            {
                return next;
            }
        }
    }

    /// <summary>The next event about <paramref name="subject"/> (a comment or reader id), skipping others' events.</summary>
    public async Task<SseEvent> NextAboutAsync(string subject)
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Subject == subject)
            {
                return next;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadAsync()
    {
        using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
        string? id = null, name = null, data = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    await _events.Writer.WriteAsync(new SseEvent(id, name ?? "message", JsonDocument.Parse(data).RootElement));
                }

                id = name = data = null;
            }
            else if (line.StartsWith(':'))
            {
                Interlocked.Increment(ref _commentLines);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }
}

/// <summary>One server-sent event: its id (null when it has none), name and data.</summary>
public sealed record SseEvent(string? Id, string Name, JsonElement Data)
{
    /// <summary>The comment or reader the event is about.</summary>
    public string? Subject => Data.TryGetProperty("commentId", out var comment) && comment.ValueKind == JsonValueKind.String
        ? comment.GetString()
        : Data.TryGetProperty("readerId", out var reader) ? reader.GetString() : null;

    public string? Text(string property) => Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
