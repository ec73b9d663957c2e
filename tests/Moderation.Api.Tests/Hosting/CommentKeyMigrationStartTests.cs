using System.Net;
using Moderation.Api.Tests.Comments;
using Moderation.Contracts.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Hosting;

/// <summary>A silo started over the comment keys of the one-slot layout moves them into part 0 and serves them as before.</summary>
public sealed class CommentKeyMigrationStartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string OldPrefix = "moderation:{comments}:";

    [Fact]
    public async Task A_silo_started_over_the_one_slot_layout_serves_its_old_thread_queue_counts_and_ids()
    {
        var article = CommentClient.NewArticle("old-layout");
        var published = OldCommentId();
        var held = OldCommentId();
        await WriteOneSlotLayoutAsync(article, published, held);

        await using var after = new SiloFactory(redisConnectionString: redis.ConnectionString);
        await after.WaitUntilReadyAsync();
        using var moderator = await after.ModeratorAsync();

        var thread = await moderator.GetJsonAsync($"/api/articles/{article}/comments");
        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var counts = await moderator.GetJsonAsync($"/api/articles/{article}");
        Assert.Equal([published], thread.GetProperty("items").EnumerateArray().Select(item => item.Id()));
        Assert.Equal([held], queue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("comment").Id()));
        Assert.Equal(1, counts.GetProperty("commentCount").GetInt32());
        using var decided = await moderator.DecideAsync(held, "approve", revision: 1);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        using var reader = await after.ReaderAsync("newcomer");
        var reply = await reader.CommentAsync(article, CommentClient.Civil, parentId: published);
        Assert.EndsWith("-0", reply.Id());
        Assert.Equal(3, (await moderator.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    /// <summary>What the release before the parts stored for an article with a published and a held comment.</summary>
    private async Task WriteOneSlotLayoutAsync(string article, string published, string held)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        var sequence = await database.StringIncrementAsync(OldPrefix + "comments:seq", 2);
        var (first, second) = (sequence - 1, sequence);
        await database.HashSetAsync($"{OldPrefix}comment:{{{published}}}", Fields(published, article, first, CommentStatus.Published, "ann"));
        await database.HashSetAsync($"{OldPrefix}comment:{{{held}}}", Fields(held, article, second, CommentStatus.Pending, "otto"));
        await database.SortedSetAddAsync($"{OldPrefix}article:{{{article}}}:thread", published, first);
        await database.SortedSetAddAsync($"{OldPrefix}article:{{{article}}}:comments", [new(published, first), new(held, second)]);
        await database.HashSetAsync($"{OldPrefix}article:{{{article}}}:counts", "published", 1);
        await database.StringSetAsync($"{OldPrefix}article:{{{article}}}:thread-version", 1);
        foreach (var queue in new[] { $"{OldPrefix}article:{{{article}}}:queue:pending:", $"{OldPrefix}queue:pending:" })
        {
            await database.SortedSetAddAsync(queue + "age", held, second);
            await database.SortedSetAddAsync(queue + "score", held, 900_000L * 8589934592L + second);
        }

        await database.SetAddAsync($"{OldPrefix}reader:{{otto}}:pending", held);
    }

    /// <summary>An id as comments had before the parts: 17 characters, no part.</summary>
    private static string OldCommentId() => "c" + Guid.NewGuid().ToString("N")[..16];

    private static HashEntry[] Fields(string id, string article, long sequence, string status, string author) =>
    [
        new(CommentFields.Id, id), new(CommentFields.ArticleId, article), new(CommentFields.ParentId, ""), new(CommentFields.ThreadParentId, ""),
        new(CommentFields.Depth, 1), new(CommentFields.AuthorId, author), new(CommentFields.AuthorName, author),
        new(CommentFields.Body, "Written before the upgrade."), new(CommentFields.CreatedAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        new(CommentFields.Sequence, sequence), new(CommentFields.Status, status), new(CommentFields.Revision, 1), new(CommentFields.ReplyCount, 0),
        new(CommentFields.Score, 0.9), new("scoreMicro", 900_000), new(CommentFields.ModelVersion, "old-model"),
        new(CommentFields.Reasons, status == CommentStatus.Pending ? "premoderation" : ""), new(CommentFields.ReportCount, 0),
        new("reportsAtReview", 0), new("reported", 0),
    ];
}
