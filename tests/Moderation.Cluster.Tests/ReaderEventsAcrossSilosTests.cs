using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Cluster.Tests;

/// <summary>A reader's notices reach their stream on one silo process from a change made through the other.</summary>
public sealed class ReaderEventsAcrossSilosTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_reader_listening_on_one_silo_hears_of_a_reply_posted_through_the_other()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        var authorToken = readers.Token("notice-author");
        using var author = cluster.First.CreateClient().WithToken(authorToken);
        using var replier = cluster.First.CreateClient().WithToken(readers.Token("notice-replier"));
        var article = "notices-" + Guid.NewGuid().ToString("N")[..8];
        using var posted = await author.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A calm point about the bridge." });
        var commentId = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        using var listener = cluster.Second.CreateClient();
        await using var events = await SseReader.OpenAsync(listener, $"/api/readers/me/events?access_token={authorToken}");
        await events.NextNamedAsync("ready", Wait);
        using var replied = await replier.PostAsJsonAsync(
            $"/api/articles/{article}/comments", new { body = "Agreed, the bridge has waited long enough.", parentId = commentId });
        var reply = JsonDocument.Parse(await replied.Content.ReadAsStringAsync()).RootElement;

        var notice = (await events.NextNamedAsync("reply", Wait)).Data;

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);
        Assert.Equal(reply.GetProperty("id").GetString(), notice.GetProperty("commentId").GetString());
        Assert.Equal(commentId, notice.GetProperty("parentId").GetString());
        Assert.Equal("notice-replier", notice.GetProperty("authorName").GetString());
    }
}
