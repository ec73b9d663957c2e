using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>A data store of the layout before the comment slot is moved over whole at start; run on each store by the classes below.</summary>
public abstract class CommentKeyMigrationTests(ScriptServer server)
{
    private IDatabase Redis => server.Database;

    [Fact]
    public async Task Old_comment_keys_move_to_their_new_names_with_their_values_and_a_taken_name_is_never_overwritten()
    {
        var comment = "cmig" + Guid.NewGuid().ToString("N")[..12];
        var article = TestData.NewArticle();
        var moderator = "mod-" + Guid.NewGuid().ToString("N")[..8];
        await Redis.HashSetAsync($"moderation:comment:{{{comment}}}", [new("status", "published"), new("seq", "7")]);
        await Redis.SortedSetAddAsync($"moderation:article:{{{article}}}:thread", comment, 7);
        await Redis.SortedSetAddAsync($"moderation:audit:moderator:{moderator}", 41, 41);
        await Redis.StringSetAsync($"moderation:article:{{{article}}}:thread-version", "old");
        await Redis.StringSetAsync(CommentRedisKeys.ThreadVersion(article), "new");

        var renamed = await new CommentKeyMigration(server.Connection, NullLogger<CommentKeyMigration>.Instance).RunAsync(CancellationToken.None);
        var again = await new CommentKeyMigration(server.Connection, NullLogger<CommentKeyMigration>.Instance).RunAsync(CancellationToken.None);

        Assert.True(renamed >= 3, $"renamed {renamed}");
        Assert.Equal(0, again);
        Assert.Equal("published", (string?)await Redis.HashGetAsync(CommentRedisKeys.Comment(comment), "status"));
        Assert.Equal(7, await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(article), comment));
        Assert.Equal(41, await Redis.SortedSetScoreAsync(ModerationRedisKeys.AuditByModerator(moderator), 41));
        Assert.False(await Redis.KeyExistsAsync($"moderation:comment:{{{comment}}}"));
        Assert.Equal("new", (string?)await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(article)));
        Assert.Equal("old", (string?)await Redis.StringGetAsync($"moderation:article:{{{article}}}:thread-version"));
        await Redis.KeyDeleteAsync($"moderation:article:{{{article}}}:thread-version");
    }

    [Fact]
    public async Task Keys_outside_the_comment_family_keep_their_names()
    {
        var poll = "pmig" + Guid.NewGuid().ToString("N")[..8];
        var reader = "rmig" + Guid.NewGuid().ToString("N")[..8];
        await Redis.HashSetAsync($"moderation:poll:{{{poll}}}:votes:0", "ann", "yes");
        await Redis.StringSetAsync($"moderation:reader:{{{reader}}}:post-gate", "1", TimeSpan.FromMinutes(1));

        await new CommentKeyMigration(server.Connection, NullLogger<CommentKeyMigration>.Instance).RunAsync(CancellationToken.None);

        Assert.True(await Redis.KeyExistsAsync($"moderation:poll:{{{poll}}}:votes:0"));
        Assert.True(await Redis.KeyExistsAsync($"moderation:reader:{{{reader}}}:post-gate"));
    }
}

[Collection(RedisCollection.Name)]
public sealed class CommentKeyMigrationOnRedisServerTests(ScriptServer server) : CommentKeyMigrationTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class CommentKeyMigrationOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : CommentKeyMigrationTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class CommentKeyMigrationOnRedisClusterTests(ScriptServerOnRedisCluster server) : CommentKeyMigrationTests(server);
