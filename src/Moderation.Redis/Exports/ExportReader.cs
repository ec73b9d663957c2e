using System.Globalization;
using System.Runtime.CompilerServices;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Redis.Exports;

/// <summary>
/// Reads what an export holds, page by page, so that an export of any size streams in bounded memory: the articles that
/// have comments, each article's comments in the order they were stored, and the audit records.
/// </summary>
public sealed class ExportReader(IConnectionMultiplexer redis, CommentParts parts)
{
    private const int PageSize = 500;

    private IDatabase Database => redis.GetDatabase();

    /// <summary>Every article that ever had a comment, from each part's touched-articles index, in id order.</summary>
    public async Task<string[]> ArticlesAsync()
    {
        var perPart = await Task.WhenAll(CommentParts.All.Select(part => Database.SortedSetRangeByRankAsync(CommentRedisKeys.TouchedArticles(part))));
        return [.. perPart.SelectMany(members => members).Select(member => (string)member!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>An article's comments, every status, in pages, in the order they were stored (a reply after its parent).</summary>
    public async IAsyncEnumerable<CommentView[]> CommentPagesAsync(string articleId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = CommentRedisKeys.Comments(parts.OfArticle(articleId), articleId);
        for (long start = 0; ; start += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = await Database.SortedSetRangeByRankAsync(index, start, start + PageSize - 1);
            if (ids.Length > 0)
            {
                yield return await SortedPages.ReadCommentsAsync(Database, ids.Select(id => (string)id!));
            }

            if (ids.Length < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// What readers and moderators added to some comments, in one round trip: each one's reactors and its reports (each
    /// sorted by reader id, so that two stores holding the same list them alike), the report count a moderator last
    /// reviewed, and whether it is in the reported queue.
    /// </summary>
    public async Task<CommentExtras[]> ExtrasAsync(IReadOnlyList<string> commentIds)
    {
        var batch = Database.CreateBatch();
        var reactorReads = commentIds.Select(id => batch.SetMembersAsync(CommentRedisKeys.Reactors(id))).ToArray();
        var reportReads = commentIds.Select(id => batch.HashGetAllAsync(CommentRedisKeys.Reports(id))).ToArray();
        var versionReads = commentIds.Select(id => batch.ListRangeAsync(CommentRedisKeys.Versions(id))).ToArray();
        var reviewReads = commentIds.Select(id => batch.HashGetAsync(
            CommentRedisKeys.Comment(id), [CommentFields.ReportsAtReview, CommentFields.InReportedQueue])).ToArray();
        batch.Execute();
        var reactors = await Task.WhenAll(reactorReads);
        var reports = await Task.WhenAll(reportReads);
        var reviews = await Task.WhenAll(reviewReads);
        var versions = await Task.WhenAll(versionReads);
        return [.. commentIds.Select((_, index) => new CommentExtras(
            [.. reactors[index].Select(reader => (string)reader!).Order(StringComparer.Ordinal)],
            [.. reports[index].Select(report => ((string)report.Name!, (string)report.Value!)).OrderBy(report => report.Item1, StringComparer.Ordinal)],
            long.TryParse((string?)reviews[index][0], CultureInfo.InvariantCulture, out var reviewed) ? reviewed : 0,
            (string?)reviews[index][1] == "1",
            [.. versions[index].Select(version => (string)version!)]))];
    }

    /// <summary>
    /// A poll's stored votes, shard by shard, each shard's sorted by reader id so that two stores holding the same votes
    /// list them alike: reader, stored choice, whether signed in. One shard is held at a time.
    /// </summary>
    public async IAsyncEnumerable<(string ReaderId, string Choice, bool SignedIn)[]> BallotPagesAsync(
        string pollId, int shardCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var shard = 0; shard < shardCount; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var votes = await Database.HashGetAllAsync(PollRedisKeys.Votes(pollId, shard));
            if (votes.Length > 0)
            {
                yield return [.. votes
                    .Select(vote => ((string)vote.Name!, StoredVote.OptionOf(vote.Value!), StoredVote.IsSignedIn(vote.Value!)))
                    .OrderBy(vote => vote.Item1, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The audit records of some comments, oldest first per comment.</summary>
    public async Task<AuditEntry[]> AuditOfAsync(IReadOnlyList<string> commentIds)
    {
        var batch = Database.CreateBatch();
        var numberReads = commentIds.Select(id => batch.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(id))).ToArray();
        batch.Execute();
        var numbers = await Task.WhenAll(numberReads);
        var recordBatch = Database.CreateBatch();
        var recordReads = commentIds
            .Select((id, index) => numbers[index].Length == 0
                ? Task.FromResult(Array.Empty<RedisValue>())
                : recordBatch.HashGetAsync(ModerationRedisKeys.AuditRecords(CommentParts.OfComment(id)), numbers[index]))
            .ToArray();
        recordBatch.Execute();
        var records = await Task.WhenAll(recordReads);
        return [.. records.SelectMany(values => values).Where(value => !value.IsNullOrEmpty).Select(value => AuditJson.Parse(value!))];
    }

    /// <summary>Every audit record of the site, part by part, oldest first within a part, in pages.</summary>
    public async IAsyncEnumerable<AuditEntry[]> AuditPagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var part in CommentParts.All)
        {
            for (long start = 0; ; start += PageSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var numbers = await Database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditAll(part), start, start + PageSize - 1);
                if (numbers.Length > 0)
                {
                    var records = await Database.HashGetAsync(ModerationRedisKeys.AuditRecords(part), numbers);
                    yield return [.. records.Where(value => !value.IsNullOrEmpty).Select(value => AuditJson.Parse(value!))];
                }

                if (numbers.Length < PageSize)
                {
                    break;
                }
            }
        }
    }
}

/// <summary>
/// A comment's reactors and reports (reader id, stored JSON), the report count last reviewed, whether it is in the
/// reported queue, and its earlier texts (stored JSON, oldest first).
/// </summary>
public sealed record CommentExtras(string[] Reactors, (string ReaderId, string Json)[] Reports, long ReportsAtReview, bool Reported, string[] Versions);
