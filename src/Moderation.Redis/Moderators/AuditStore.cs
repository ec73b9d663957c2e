using System.Globalization;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>The audit trail: decisions about readers appended here, every record read back newest first.</summary>
public sealed class AuditStore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: the record's JSON, whether it is about a comment ('1'), whether a moderator made it ('1').</summary>
    internal static readonly RedisScript<AuditScript.Subject> Append = new(
        "append an audit record",
        AuditScript.Keys(),
        "return append_audit(ARGV[1], ARGV[2] == '1', ARGV[3] == '1')",
        AuditScript.Lua);

    public async Task AppendAsync(AuditEntry entry)
    {
        await Append.EvaluateAsync(
            CommentStore.Writes(writes),
            new AuditScript.Subject(entry.CommentId, entry.ModeratorId, entry.CommentId ?? entry.ReaderId ?? "system"),
            [AuditJson.Serialize(entry), entry.CommentId is null ? "0" : "1", entry.ModeratorId is null ? "0" : "1"]);
    }

    public async Task<AuditPage> PageAsync(string? commentId, string? moderatorId, int limit, string? cursor)
    {
        var index = commentId is not null ? ModerationRedisKeys.AuditByComment(commentId)
            : moderatorId is not null ? ModerationRedisKeys.AuditByModerator(moderatorId)
            : ModerationRedisKeys.AuditAll;
        var database = redis.GetDatabase();
        var numbers = await SortedPages.RangeAsync(database, index, descending: true, cursor, limit + 1);
        var records = numbers.Length == 0 ? [] : await database.HashGetAsync(ModerationRedisKeys.AuditRecords, [.. numbers.Take(limit).Select(n => (RedisValue)n)]);
        // Both filters: the comment's records, of that moderator only (a page may come out short).
        var entries = records.Where(record => !record.IsNullOrEmpty).Select(record => AuditJson.Parse(record!))
            .Where(entry => commentId is null || moderatorId is null || entry.ModeratorId == moderatorId)
            .ToArray();
        var next = numbers.Length > limit ? numbers[limit - 1] : null;
        return new AuditPage([.. entries], next);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
