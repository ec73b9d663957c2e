using System.Net;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Hosting;

/// <summary>A silo started over the comment keys of the layout before the comment slot moves them and serves them as before.</summary>
public sealed class CommentKeyMigrationStartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task A_silo_started_over_the_old_key_layout_serves_its_thread_queue_and_counts()
    {
        var article = CommentClient.NewArticle("old-layout");
        string published;
        string held;
        await using (var before = new SiloFactory(redisConnectionString: redis.ConnectionString))
        {
            await before.WaitUntilReadyAsync();
            using var reader = await before.ReaderAsync("ola");
            published = (await reader.CommentAsync(article, "Written before the upgrade.")).Id();
            using var editor = await before.ReaderAsync("eddie", "editor");
            (await editor.SettingsAsync(article, new { premoderation = true })).EnsureSuccessStatusCode();
            using var another = await before.ReaderAsync("otto");
            held = (await another.CommentAsync(article, "Held before the upgrade.")).Id();
        }

        var moved = await RenameToOldLayoutAsync();
        await using var after = new SiloFactory(redisConnectionString: redis.ConnectionString);
        await after.WaitUntilReadyAsync();
        using var moderator = await after.ModeratorAsync();

        var thread = await moderator.GetJsonAsync($"/api/articles/{article}/comments");
        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var counts = await moderator.GetJsonAsync($"/api/articles/{article}");

        Assert.True(moved > 0);
        Assert.Equal([published], thread.GetProperty("items").EnumerateArray().Select(item => item.Id()));
        Assert.Equal([held], queue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("comment").Id()));
        Assert.Equal(1, counts.GetProperty("commentCount").GetInt32());
        using var decided = await moderator.DecideAsync(held, "approve", revision: 1);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    /// <returns>How many keys now carry their names of the layout before the comment slot.</returns>
    private async Task<int> RenameToOldLayoutAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        var renamed = 0;
        await foreach (var key in connection.GetServers().Single().KeysAsync(pattern: CommentSlot.Prefix + "*"))
        {
            var name = (string)key!;
            await database.KeyRenameAsync(key, CommentSlot.OldPrefix + name[CommentSlot.Prefix.Length..]);
            renamed++;
        }

        return renamed;
    }
}
