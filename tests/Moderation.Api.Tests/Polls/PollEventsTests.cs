using System.Net;
using Moderation.Testing;

namespace Moderation.Api.Tests.Polls;

public sealed class PollEventsTests : IAsyncLifetime
{
    private readonly SiloFactory _factory = new(settings: new Dictionary<string, string?> { ["Polls:KeepAliveInterval"] = "00:00:00.300" });

    [Fact]
    public async Task A_listener_gets_the_current_results_then_each_change()
    {
        var pollId = await NewPollAsync();
        using var listenerClient = _factory.CreateClient();
        await using var events = await SseReader.OpenAsync(listenerClient, $"/api/polls/{pollId}/events");
        var first = await events.NextAsync(TimeSpan.FromSeconds(5));
        using var reader = await _factory.ReaderAsync("sse-voter");

        (await reader.VoteAsync(pollId, "o2")).Dispose();
        var next = await events.NextAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("results", first.Name);
        Assert.Equal(0, first.Data.GetProperty("totalVotes").GetInt64());
        Assert.Equal("results", next.Name);
        Assert.Equal(new[] { 0L, 1L, 0L }, next.Data.Votes());
        Assert.True(next.Data.GetProperty("version").GetInt64() > first.Data.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Many_listeners_share_one_subscription_and_all_see_a_vote()
    {
        var pollId = await NewPollAsync();
        using var client = _factory.CreateClient();
        var listeners = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SseReader.OpenAsync(client, $"/api/polls/{pollId}/events")));
        try
        {
            await Task.WhenAll(listeners.Select(listener => listener.NextAsync(TimeSpan.FromSeconds(5))));
            using var reader = await _factory.ReaderAsync("fan-out-voter");

            (await reader.VoteAsync(pollId, "o1")).Dispose();
            var updates = await Task.WhenAll(listeners.Select(listener => listener.NextAsync(TimeSpan.FromSeconds(1))));

            Assert.All(updates, update => Assert.Equal(1, update.Data.GetProperty("totalVotes").GetInt64()));
            var hub = (Api.Polls.PollEventsHub)_factory.Services.GetService(typeof(Api.Polls.PollEventsHub))!;
            Assert.Equal(50, hub.ListenerCount(pollId));
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_quiet_stream_sends_keep_alive_comments()
    {
        var pollId = await NewPollAsync();
        using var client = _factory.CreateClient();
        await using var events = await SseReader.OpenAsync(client, $"/api/polls/{pollId}/events");
        await events.NextAsync(TimeSpan.FromSeconds(5));

        await Task.Delay(1000);

        Assert.True(events.CommentLines >= 2, $"saw {events.CommentLines} keep-alive lines");
    }

    [Fact]
    public async Task Events_of_an_unknown_poll_are_404()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/polls/p-nothing-here/events");

        await ProblemAssert.Expect(response, HttpStatusCode.NotFound);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    private async Task<string> NewPollAsync()
    {
        using var editor = _factory.CreateClient();
        editor.WithToken(await editor.DevTokenAsync("sse-editor", "editor"));
        var poll = await editor.CreatePollAsync("sse-" + Guid.NewGuid().ToString("N")[..8]);
        return poll.GetProperty("id").GetString()!;
    }
}
