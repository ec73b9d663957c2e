using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Removes the texts of comments rejected longer ago than the retention allows: it walks each part's rejected queue
/// (O(rejected comments) per sweep, pipelined, a batch at a time) and for each comment rejected before the cut-off runs
/// one script that checks again, empties the text and audits it. The rejection time is the author's rejection index
/// (<see cref="Readers.ReaderRedisKeys.Rejections"/>), which the post and decide scripts keep.
/// </summary>
public sealed class RejectedTextRetention(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    private const int Batch = 500;

    /// <summary>One holder at a time across silos: a key set with NX and an expiry, so a dead holder's turn passes.</summary>
    public const string SweepLock = "moderation:retention:rejected-texts:lock";

    /// <summary>Takes the sweep's turn for <paramref name="hold"/> when no silo holds it; false when one does.</summary>
    public Task<bool> TryTakeTurnAsync(string holder, TimeSpan hold) =>
        redis.GetDatabase().StringSetAsync(SweepLock, holder, hold, When.NotExists);

    /// <summary>Removes the texts of comments rejected before <paramref name="cutoff"/>; returns how many it removed.</summary>
    public async Task<int> SweepAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var removed = 0;
        foreach (var part in CommentParts.All)
        {
            var queue = ModerationRedisKeys.Queue(part, QueueNames.Rejected, QueueNames.ByAge);
            long start = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ids = await database.SortedSetRangeByRankAsync(queue, start, start + Batch - 1);
                if (ids.Length == 0)
                {
                    break;
                }

                start += ids.Length;
                var batch = database.CreateBatch();
                var reads = ids.Select(id => batch.HashGetAsync(
                    CommentRedisKeys.Comment((string)id!), [CommentFields.Status, CommentFields.Body, CommentFields.AuthorId])).ToArray();
                batch.Execute();
                var fields = await Task.WhenAll(reads);
                for (var i = 0; i < ids.Length; i++)
                {
                    if ((string?)fields[i][0] != CommentStatus.Rejected || fields[i][1].IsNullOrEmpty)
                    {
                        continue;
                    }

                    var commentId = (string)ids[i]!;
                    var audit = AuditJson.Serialize(new AuditEntry(now, null, commentId, null, "remove-text", "retention", null, null, null, null));
                    var done = (int)await ErasureScripts.RemoveRejectedText.EvaluateAsync(
                        CommentStore.Writes(writes, part), (commentId, (string)fields[i][2]!), [audit, cutoff.ToUnixTimeMilliseconds()]);
                    removed += done;
                }
            }
        }

        return removed;
    }
}
