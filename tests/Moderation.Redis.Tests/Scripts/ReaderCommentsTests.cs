using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>A reader's own comments, indexed per part by the post script and merged on read; run on each store below.</summary>
public abstract class ReaderCommentsTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly DecisionStore _decisions = new(server.Writes, server.Webhooks);
    private readonly ReaderCommentStore _readers = new(server.Connection);

    [Fact]
    public async Task A_readers_comments_on_articles_of_several_parts_page_newest_first_each_once_with_their_statuses_and_counts()
    {
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var articles = ArticlesInDistinctParts(3);
        var posted = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var draft = TestData.Draft(articles[i % 3], reader, held: i == 5) with { CreatedAt = DateTimeOffset.UtcNow.AddSeconds(i) };
            posted.Add((await _comments.PostAsync(draft, null)).Comment!.Id);
        }

        await _comments.PostAsync(TestData.Draft(articles[0], "someone-else"), null);
        var rejected = (await _comments.ReadAsync(posted[2]))!;
        await _decisions.DecideAsync(rejected, TestData.Decision(ModerationDecision.Reject, null), """{"action":"reject" """.TrimEnd(), null);
        await _comments.ReportAsync((await _comments.ReadAsync(posted[3]))!, """{"readerId":"r1"}""", "r1", threshold: 3);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _readers.PageAsync(reader, 3, cursor);
            seen.AddRange(page.Items.Select(comment => comment.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(posted), seen);
        var stored = (await _readers.PageAsync(reader, 10, null)).Items.Single(comment => comment.Id == posted[2]);
        Assert.Equal("abusive", stored.RejectionReason);
        Assert.Equal(new ReaderCommentCounts(Published: 5, Pending: 1, Rejected: 1, Deleted: 0, Reported: 1), await _readers.CountAsync(reader));
        Assert.Empty((await _readers.PageAsync("nobody-" + Guid.NewGuid().ToString("N"), 10, null)).Items);
    }

    private static string[] ArticlesInDistinctParts(int count)
    {
        var byPart = new Dictionary<int, string>();
        while (byPart.Count < count)
        {
            var article = TestData.NewArticle();
            byPart.TryAdd(TestData.Part(article), article);
        }

        return [.. byPart.Values];
    }
}

[Collection(RedisCollection.Name)]
public sealed class ReaderCommentsOnRedisServerTests(ScriptServer server) : ReaderCommentsTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ReaderCommentsOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : ReaderCommentsTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class ReaderCommentsOnRedisClusterTests(ScriptServerOnRedisCluster server) : ReaderCommentsTests(server);
