using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Moderation.Testing;

namespace Moderation.Api.Tests.Events;

/// <summary>The tests' one SSE reader, on a stream written by hand.</summary>
public sealed class SseReaderTests
{
    private const string Stream =
        "id: 7\nevent: comment.held\ndata: {\"type\":\"comment.held\",\"commentId\":\"c1\"}\n\n" +
        ": keep-alive\n\n" +
        "event: ready\ndata: {\"lastEventId\":7}\n\n" +
        "data: {\"readerId\":\"r1\"}\n\n" +
        ": keep-alive\n\n" +
        "event: count\ndata: {\"count\":2}\n\n";

    [Fact]
    public async Task Events_before_ready_are_replayed_in_order_with_their_ids_and_the_ready_id_is_read()
    {
        using var client = ClientOf(Stream);

        var (reader, replayed, lastEventId) = await SseReader.OpenUntilReadyAsync(client, "/events");
        await using var _ = reader;

        var held = Assert.Single(replayed);
        Assert.Equal(("7", "comment.held", "c1"), (held.Id, held.Name, held.Subject));
        Assert.Equal(7, lastEventId);
    }

    [Fact]
    public async Task An_event_without_a_name_is_a_message_and_comment_lines_are_counted_not_passed_on()
    {
        using var client = ClientOf(Stream);
        await using var reader = await SseReader.OpenAsync(client, "/events");

        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            names.Add((await reader.NextAsync()).Name);
        }

        Assert.Equal(["comment.held", "ready", "message", "count"], names);
        Assert.Equal(2, reader.CommentLines);
    }

    [Fact]
    public async Task Waiting_for_a_named_event_skips_the_others()
    {
        using var client = ClientOf(Stream);
        await using var reader = await SseReader.OpenAsync(client, "/events");

        var unnamed = await reader.NextNamedAsync("message");

        Assert.Equal("r1", unnamed.Subject);
        Assert.Equal("count", (await reader.NextAsync()).Name);
    }

    [Fact]
    public async Task A_response_that_is_not_an_event_stream_fails_to_open()
    {
        using var client = ClientOf("{}", "application/json");

        await Assert.ThrowsAsync<Xunit.Sdk.EqualException>(() => SseReader.OpenAsync(client, "/events"));
    }

    private static HttpClient ClientOf(string body, string mediaType = "text/event-stream") =>
        new(new Answer(body, mediaType)) { BaseAddress = new Uri("http://127.0.0.1/") };

    private sealed class Answer(string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
