using System.Text.Json;
using System.Threading.Channels;

namespace Moderation.Api.Tests.ModerationStream;

/// <summary>Reads the moderation stream in the background: each event with its id, name and data.</summary>
internal sealed class ModerationStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<StreamEvent> _events = Channel.CreateUnbounded<StreamEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private ModerationStreamReader(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Opens the stream and waits for its <c>ready</c> event, after any replayed ones (returned in order).</summary>
    public static async Task<(ModerationStreamReader Reader, List<StreamEvent> Replayed, long LastEventId)> OpenAsync(
        HttpClient client, string? lastEventId = null, string path = "/api/moderation/events")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new ModerationStreamReader(response);
        var replayed = new List<StreamEvent>();
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

    public async Task<StreamEvent> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next event about <paramref name="subject"/> (a comment or reader id), skipping others' events.</summary>
    public async Task<StreamEvent> NextAboutAsync(string subject)
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
                    await _events.Writer.WriteAsync(new StreamEvent(id, name ?? "message", JsonDocument.Parse(data).RootElement));
                }

                id = name = data = null;
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

/// <summary>One server-sent event: its id (null for ready), name and data.</summary>
internal sealed record StreamEvent(string? Id, string Name, JsonElement Data)
{
    public string? Subject => Data.TryGetProperty("commentId", out var comment) && comment.ValueKind == JsonValueKind.String
        ? comment.GetString()
        : Data.TryGetProperty("readerId", out var reader) ? reader.GetString() : null;

    public string? Text(string property) => Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
