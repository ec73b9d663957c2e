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

    /// <summary>The thread's sort orders: newest and oldest read the thread, top its reactions index, featured the picks.</summary>
    public static readonly IReadOnlySet<string> Sorts = new HashSet<string>(StringComparer.Ordinal) { "newest", "oldest", "top", "featured" };

    public Task<CommentPage> ThreadAsync(string articleId, string sort, int limit, string? cursor)
    {
        var part = parts.OfArticle(articleId);
        return sort switch
        {
            "oldest" => PageAsync(CommentRedisKeys.Thread(part, articleId), descending: false, limit, cursor),
            "top" => PageAsync(CommentRedisKeys.Top(part, articleId), descending: true, limit, cursor),
            "featured" => PageAsync(CommentRedisKeys.Featured(part, articleId), descending: true, limit, cursor),
            _ => PageAsync(CommentRedisKeys.Thread(part, articleId), descending: true, limit, cursor),
        };
    }

    public Task<CommentPage> RepliesAsync(CommentView parent, int limit, string? cursor) =>
        PageAsync(CommentRedisKeys.Replies(CommentParts.OfComment(parent.Id), parent.ArticleId, parent.Id), descending: false, limit, cursor);

    public async Task<string> FirstPageJsonAsync(string articleId, string sort)
    {
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

        var page = await ThreadAsync(articleId, sort, CachedLimit, cursor: null);
        var json = JsonSerializer.Serialize(PublicViews.Page(page), PublicComment.JsonOptions);
        // Not awaited: the reader has its page, and a store that waits for its commit should not make it wait too.
        _ = StoreIfCurrent.EvaluateAsync(CommentStore.Writes(writes, part), new PageSlot(part, articleId, sort), [version, json], CommandFlags.FireAndForget);
        return json;
    }

    private async Task<CommentPage> PageAsync(RedisKey index, bool descending, int limit, string? cursor)
    {
        var entries = await SortedPages.RangeWithPositionsAsync(Database, index, descending, cursor, limit + 1);
        var comments = await SortedPages.ReadCommentsAsync(Database, entries.Take(limit).Select(entry => entry.Id));
        // The cursor is the last position taken (for top a score, not the sequence number), whether or not its hash was there.
        var next = entries.Length > limit ? entries[limit - 1].Position.ToString(CultureInfo.InvariantCulture) : null;
        // Only what readers may see, even where a decision cut short by a crash left an index entry behind.
        return new CommentPage([.. comments.Where(comment => comment.Status is CommentStatus.Published or CommentStatus.Deleted)], next);
    }

    internal sealed record PageSlot(int Part, string ArticleId, string Sort);
}
