using System.Globalization;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>
/// The audit trail: decisions about readers appended here (in part 0), every record read back newest first. A
/// comment's records are in its part; the whole trail and a moderator's records are merged from every part by the
/// time of each record (<see cref="PartMerge"/>).
/// </summary>
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
        var part = entry.CommentId is null ? 0 : CommentParts.OfComment(entry.CommentId);
        await Append.EvaluateAsync(
            CommentStore.Writes(writes, part),
            new AuditScript.Subject(part, entry.CommentId, entry.ModeratorId, entry.CommentId ?? entry.ReaderId ?? "system"),
            [AuditJson.Serialize(entry), entry.CommentId is null ? "0" : "1", entry.ModeratorId is null ? "0" : "1"]);
    }

    public Task<AuditPage> PageAsync(string? commentId, string? moderatorId, int limit, string? cursor) =>
        commentId is not null ? CommentPageAsync(commentId, moderatorId, limit, cursor) : MergedPageAsync(moderatorId, limit, cursor);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<AuditPage> CommentPageAsync(string commentId, string? moderatorId, int limit, string? cursor)
    {
        var database = redis.GetDatabase();
        var numbers = await SortedPages.RangeAsync(database, ModerationRedisKeys.AuditByComment(commentId), descending: true, cursor, limit + 1);
        var records = numbers.Length == 0
            ? []
            : await database.HashGetAsync(
                ModerationRedisKeys.AuditRecords(CommentParts.OfComment(commentId)), [.. numbers.Take(limit).Select(n => (RedisValue)n)]);
        // Both filters: the comment's records, of that moderator only (a page may come out short).
        var entries = records.Where(record => !record.IsNullOrEmpty).Select(record => AuditJson.Parse(record!))
            .Where(entry => moderatorId is null || entry.ModeratorId == moderatorId)
            .ToArray();
        var next = numbers.Length > limit ? numbers[limit - 1] : null;
        return new AuditPage([.. entries], next);
    }

    private async Task<AuditPage> MergedPageAsync(string? moderatorId, int limit, string? cursorText)
    {
        if (!PartCursor.TryParse(cursorText, out var cursor))
        {
            throw new ArgumentException($"'{cursorText}' is not an audit cursor.", nameof(cursorText));
        }

        var database = redis.GetDatabase();
        var perPart = await Task.WhenAll(CommentParts.All.Select(async part =>
        {
            var index = moderatorId is null ? ModerationRedisKeys.AuditAll(part) : ModerationRedisKeys.AuditByModerator(part, moderatorId);
            var numbers = await SortedPages.RangeInPartAsync(database, part, index, descending: true, cursor[part], limit + 1);
            var records = numbers.Count == 0
                ? []
                : await database.HashGetAsync(ModerationRedisKeys.AuditRecords(part), [.. numbers.Select(number => (RedisValue)number.Position)]);
            // A number whose record is gone is taken first and left out, so that the cursor moves past it.
            return (IReadOnlyList<PartEntry<AuditEntry?>>)[.. numbers.Select((number, i) =>
            {
                var entry = records[i].IsNullOrEmpty ? null : AuditJson.Parse(records[i]!);
                return new PartEntry<AuditEntry?>(part, number.Position, entry?.At.ToUnixTimeMilliseconds() ?? long.MaxValue, entry);
            })];
        }));
        var (taken, after, more) = PartMerge.Take(perPart, cursor, limit, descending: true);
        return new AuditPage([.. taken.Select(entry => entry.Item).OfType<AuditEntry>()], more ? after.ToString() : null);
    }
}
