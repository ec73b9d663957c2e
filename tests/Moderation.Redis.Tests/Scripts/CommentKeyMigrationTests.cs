using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>Data stores of both layouts before the parts are moved into part 0 at start; run on each store by the classes below.</summary>
public abstract class CommentKeyMigrationTests(ScriptServer server)
{
    private IDatabase Redis => server.Database;

    [Fact]
    public async Task Both_earlier_layouts_move_into_part_0_once_and_their_old_ids_and_articles_read_on_there()
    {
        var untagged = OldArticle();
        var oneSlot = OldArticle();
        var (first, second) = (OldCommentId(), OldCommentId());
        var moderator = "mod-" + Guid.NewGuid().ToString("N")[..8];
        await Redis.HashSetAsync($"moderation:comment:{{{first}}}", Fields(first, untagged, 7));
        await Redis.SortedSetAddAsync($"moderation:article:{{{untagged}}}:thread", first, 7);
        await Redis.SortedSetAddAsync($"moderation:audit:moderator:{moderator}", 41, 41);
        await Redis.HashSetAsync($"moderation:{{comments}}:comment:{{{second}}}", Fields(second, oneSlot, 8));
        await Redis.SortedSetAddAsync($"moderation:{{comments}}:article:{{{oneSlot}}}:thread", second, 8);
        await Redis.HashSetAsync($"moderation:{{comments}}:article:{{{oneSlot}}}:counts", "published", 1);
        await Redis.StringSetAsync($"moderation:{{comments}}:article:{{{oneSlot}}}:thread-version", "3");
        await Redis.StringSetAsync(CommentRedisKeys.ThreadVersion(0, oneSlot), "5");

        var moved = await Migration().RunAsync(CancellationToken.None);
        var again = await Migration().RunAsync(CancellationToken.None);
        var parts = new CommentParts(server.Connection);
        await parts.LoadAsync();

        Assert.True(moved >= 6, $"moved {moved}");
        Assert.Equal(0, again);
        Assert.Equal((0, 0), (parts.OfArticle(untagged), parts.OfArticle(oneSlot)));
        var fresh = TestData.NewArticle();
        Assert.Equal(CommentParts.Hashed(fresh), parts.OfArticle(fresh));
        Assert.Equal(7, await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(0, untagged), first));
        Assert.Equal(41, await Redis.SortedSetScoreAsync(ModerationRedisKeys.AuditByModerator(0, moderator), 41));
        Assert.False(await Redis.KeyExistsAsync($"moderation:comment:{{{first}}}"));
        Assert.False(await Redis.KeyExistsAsync($"moderation:{{comments}}:comment:{{{second}}}"));
        Assert.Equal("5", (string?)await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(0, oneSlot)));
        Assert.Equal("3", (string?)await Redis.StringGetAsync($"moderation:{{comments}}:article:{{{oneSlot}}}:thread-version"));
        await Redis.KeyDeleteAsync($"moderation:{{comments}}:article:{{{oneSlot}}}:thread-version");

        var threads = new ThreadStore(server.Connection, server.Writes, parts);
        var comments = new CommentStore(server.Connection, server.Writes, parts, server.Webhooks, TimeProvider.System);
        Assert.Equal([second], (await threads.ThreadAsync(oneSlot, "newest", 20, null)).Items.Select(comment => comment.Id));
        var reply = TestData.Draft(oneSlot, "bob", parentId: second) with { Id = CommentParts.CommentId(OldCommentId(), 0) };
        var posted = await comments.PostAsync(reply, null);
        Assert.True(posted.Created);
        Assert.Equal((2L, 1L), (posted.PublishedCount, (await comments.ReadAsync(second))!.ReplyCount));
    }

    [Fact]
    public async Task Keys_outside_the_comment_family_keep_their_names()
    {
        var poll = "pmig" + Guid.NewGuid().ToString("N")[..8];
        var reader = "rmig" + Guid.NewGuid().ToString("N")[..8];
        await Redis.HashSetAsync($"moderation:poll:{{{poll}}}:votes:0", "ann", "yes");
        await Redis.StringSetAsync($"moderation:reader:{{{reader}}}:post-gate", "1", TimeSpan.FromMinutes(1));

        await Migration().RunAsync(CancellationToken.None);

        Assert.True(await Redis.KeyExistsAsync($"moderation:poll:{{{poll}}}:votes:0"));
        Assert.True(await Redis.KeyExistsAsync($"moderation:reader:{{{reader}}}:post-gate"));
    }

    private CommentKeyMigration Migration() => new(server.Connection, NullLogger<CommentKeyMigration>.Instance);

    private static string OldArticle() => "old-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>An id as comments had before the parts: 17 characters, no part.</summary>
    private static string OldCommentId() => "c" + Guid.NewGuid().ToString("N")[..16];

    private static HashEntry[] Fields(string id, string article, long sequence) =>
    [
        new(CommentFields.Id, id), new(CommentFields.ArticleId, article), new(CommentFields.AuthorId, "ann"), new(CommentFields.Body, "Old."),
        new(CommentFields.Depth, 1), new(CommentFields.Sequence, sequence), new(CommentFields.Status, CommentStatus.Published),
        new(CommentFields.Revision, 1), new(CommentFields.ReplyCount, 0), new(CommentFields.CreatedAt, 1_700_000_000_000),
    ];
}

[Collection(RedisCollection.Name)]
public sealed class CommentKeyMigrationOnRedisServerTests(ScriptServer server) : CommentKeyMigrationTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class CommentKeyMigrationOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : CommentKeyMigrationTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class CommentKeyMigrationOnRedisClusterTests(ScriptServerOnRedisCluster server) : CommentKeyMigrationTests(server);
