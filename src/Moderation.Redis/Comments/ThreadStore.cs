using System.Globalization;
using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Thread and reply pages from the sorted-set indexes, and the first page of each sort order cached in one key
/// that carries the thread version it was built at: any change to what the thread shows bumps the version,
/// and the next read rebuilds the page.
/// </summary>
public sealed class ThreadStore(IConnectionMultiplexer redis, RedisWriteConnections writes, CommentParts parts)
{
    /// <summary>The page size that is cached: the contract's default limit.</summary>
    public const int CachedLimit = 20;

    // Stores the page only if no change happened since its version was read, so a slow builder never overwrites a newer page.
    // ARGV: the version the page was built at, the page's JSON.
    internal static readonly RedisScript<PageSlot> StoreIfCurrent = new(
        "cache a first page if it is current",
        new ScriptKeys<PageSlot>()
            .Key("thread_version", slot => CommentRedisKeys.ThreadVersion(slot.Part, slot.ArticleId))
            .Key("first_page", slot => CommentRedisKeys.FirstPage(slot.Part, slot.ArticleId, slot.Sort)),
        """
        if (redis.call('GET', thread_version) or '0') == ARGV[1] then
          redis.call('SET', first_page, ARGV[1] .. '\n' .. ARGV[2])
          return 1
        end
        return 0
        """);

    private IDatabase Database => redis.GetDatabase();

    public Task<CommentPage> ThreadAsync(string articleId, bool newestFirst, int limit, string? cursor) =>
        PageAsync(CommentRedisKeys.Thread(parts.OfArticle(articleId), articleId), newestFirst, limit, cursor);

    public Task<CommentPage> RepliesAsync(CommentView parent, int limit, string? cursor) =>
        PageAsync(CommentRedisKeys.Replies(CommentParts.OfComment(parent.Id), parent.ArticleId, parent.Id), descending: false, limit, cursor);

    public async Task<string> FirstPageJsonAsync(string articleId, bool newestFirst)
    {
        var sort = newestFirst ? "newest" : "oldest";
        var part = parts.OfArticle(articleId);
        var versionKey = CommentRedisKeys.ThreadVersion(part, articleId);
        var pageKey = CommentRedisKeys.FirstPage(part, articleId, sort);
        var both = await Database.StringGetAsync([versionKey, pageKey]);
        var version = both[0].IsNullOrEmpty ? "0" : (string)both[0]!;
        if (!both[1].IsNullOrEmpty)
        {
            var cached = (string)both[1]!;
            var newline = cached.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0 && cached.AsSpan(0, newline).SequenceEqual(version))
            {
                return cached[(newline + 1)..];
            }
        }

        var page = await ThreadAsync(articleId, newestFirst, CachedLimit, cursor: null);
        var json = JsonSerializer.Serialize(PublicViews.Page(page), PublicComment.JsonOptions);
        // Not awaited: the reader has its page, and a store that waits for its commit should not make it wait too.
        _ = StoreIfCurrent.EvaluateAsync(CommentStore.Writes(writes, part), new PageSlot(part, articleId, sort), [version, json], CommandFlags.FireAndForget);
        return json;
    }

    private async Task<CommentPage> PageAsync(RedisKey index, bool descending, int limit, string? cursor)
    {
        var ids = await SortedPages.RangeAsync(Database, index, descending, cursor, limit + 1);
        var comments = await SortedPages.ReadCommentsAsync(Database, ids.Take(limit));
        var next = ids.Length > limit && comments.Length > 0 ? comments[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        // Only what readers may see, even where a decision cut short by a crash left an index entry behind.
        return new CommentPage([.. comments.Where(comment => comment.Status is CommentStatus.Published or CommentStatus.Deleted)], next);
    }

    internal sealed record PageSlot(int Part, string ArticleId, string Sort);
}
