using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Rules;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Rules;

/// <summary>A silo that missed a change's message still applies it at its next version check.</summary>
public sealed class WordListRefreshTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task A_change_whose_message_was_lost_applies_at_the_next_periodic_check()
    {
        await using var silo = new SiloFactory(redisConnectionString: redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Rules:RefreshInterval"] = "00:00:00.200",
            // The loop posts every 100 ms: neither the post interval nor the rate limits may refuse it meanwhile.
            ["Comments:PostInterval"] = "00:00:00",
            ["RateLimits:Enabled"] = "false",
        });
        await silo.WaitUntilReadyAsync();
        using var author = await silo.ReaderAsync("refresh");
        var article = CommentClient.NewArticle("refresh");
        using var before = await author.PostCommentAsync(article, "A frumplenook of a plan.");

        // Another silo's write whose PUBLISH never arrived: the hash changes, no message is sent.
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await connection.GetDatabase().HashSetAsync(RulesRedisKeys.Words,
            [new("version", 99), new("banned", "[\"frumplenook\"]"), new("suspect", "[]")]);
        using var other = await silo.ReaderAsync("refresh-other");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string? status;
        do
        {
            await Task.Delay(100);
            using var after = await other.PostCommentAsync(article, "Another frumplenook of a plan.");
            status = after.StatusCode == HttpStatusCode.Created
                ? (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
                : null;
        }
        while (status != "rejected" && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal("rejected", status);
    }
}
