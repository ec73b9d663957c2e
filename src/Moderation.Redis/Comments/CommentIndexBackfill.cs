using Microsoft.Extensions.Logging;
using Moderation.Contracts.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Puts comments stored before the <c>top</c> and own-comments indexes existed into them: each published top-level
/// comment into its article's <c>top</c> index, every comment into its author's list of their own. One script per
/// comment writes what the comment's hash says at that moment (so it agrees with a reaction or decision running beside
/// it), and writing it again changes nothing, so a run may repeat. Each part records the articles it finished and,
/// at the end, that it is done: a run cut short resumes with the articles it had not finished, a later run does nothing.
/// </summary>
public sealed class CommentIndexBackfill(IConnectionMultiplexer redis, RedisWriteConnections writes, ILogger<CommentIndexBackfill> logger)
{
    private const int Batch = 200;

    /// <summary>A comment to index, and its author (read first, since the author's list is a key the script declares).</summary>
    internal sealed record Entry(string CommentId, string ArticleId, string AuthorId)
    {
        public int Part => CommentParts.OfComment(CommentId);
    }

    /// <summary>ARGV: comment id. Answers 1 when the comment exists.</summary>
    internal static readonly RedisScript<Entry> Index = new(
        "index a comment posted before the top and own-comments indexes",
        new ScriptKeys<Entry>()
            .Key("comment", entry => CommentRedisKeys.Comment(entry.CommentId))
            .Key("top", entry => CommentRedisKeys.Top(entry.Part, entry.ArticleId))
            .Key("reader_comments", entry => ReaderRedisKeys.Comments(entry.Part, entry.AuthorId)),
        """
        local c = redis.call('HMGET', comment, 'status', 'threadParentId', 'seq', 'reactions')
        if not c[1] or not c[3] then return 0 end
        redis.call('ZADD', reader_comments, 'NX', c[3], ARGV[1])
        if c[1] == 'published' and (c[2] or '') == '' then redis.call('ZADD', top, top_score(c[4], c[3]), ARGV[1]) end
        return 1
        """,
        TopOrder.Lua);

    /// <summary>Key that marks a part done.</summary>
    public static string DoneKey(int part) => CommentParts.Prefix(part) + "backfill:top-own:done";

    /// <summary>Set of the articles of a part already done.</summary>
    public static string ArticlesDoneKey(int part) => CommentParts.Prefix(part) + "backfill:top-own:articles";

    /// <returns>How many comments it indexed (0 when every part was done before).</returns>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        long indexed = 0;
        foreach (var part in CommentParts.All)
        {
            if (await database.KeyExistsAsync(DoneKey(part)))
            {
                continue;
            }

            var articles = (await database.SortedSetRangeByRankAsync(CommentRedisKeys.TouchedArticles(part))).Select(id => (string)id!);
            if (part == 0)
            {
                articles = articles.Concat((await database.SetMembersAsync(CommentParts.Part0ArticlesKey)).Select(id => (string)id!));
            }

            foreach (var articleId in articles.Distinct(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await database.SetContainsAsync(ArticlesDoneKey(part), articleId))
                {
                    continue;
                }

                indexed += await IndexArticleAsync(database, part, articleId);
                await database.SetAddAsync(ArticlesDoneKey(part), articleId);
            }

            await database.StringSetAsync(DoneKey(part), "1");
            await database.KeyDeleteAsync(ArticlesDoneKey(part));
        }

        if (indexed > 0)
        {
            logger.LogInformation("Indexed {Count} comments posted before the top and own-comments indexes", indexed);
        }

        return indexed;
    }

    private async Task<long> IndexArticleAsync(IDatabase database, int part, string articleId)
    {
        long indexed = 0;
        var index = CommentRedisKeys.Comments(part, articleId);
        for (long start = 0; ; start += Batch)
        {
            var ids = await database.SortedSetRangeByRankAsync(index, start, start + Batch - 1);
            if (ids.Length == 0)
            {
                return indexed;
            }

            var batch = database.CreateBatch();
            var authors = ids.Select(id => batch.HashGetAsync(CommentRedisKeys.Comment((string)id!), CommentFields.AuthorId)).ToArray();
            batch.Execute();
            var entries = ids.Zip(await Task.WhenAll(authors))
                .Where(pair => !pair.Second.IsNullOrEmpty)
                .Select(pair => new Entry((string)pair.First!, articleId, (string)pair.Second!))
                .ToArray();
            var results = await Task.WhenAll(entries.Select(entry => Index.EvaluateAsync(CommentStore.Writes(writes, part), entry, [entry.CommentId])));
            indexed += results.Count(result => (long)result == 1);
        }
    }
}
