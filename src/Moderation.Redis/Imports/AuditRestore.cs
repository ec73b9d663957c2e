using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Imports;

/// <summary>
/// Restores the audit records of this service's export, each in the part it came from (a comment's, else part 0) and in
/// the order given, so that an export of the restored site lists them as the original did. Each record is known by a
/// digest of its JSON, kept in its part: restoring one again finds it there and changes nothing. A record about a comment
/// that the comment's own records already hold (an export imported back into the installation it came from) is not
/// added either.
/// </summary>
public sealed class AuditRestore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: the record's JSON, its digest, whether it is about a comment ('1'), whether a moderator made it ('1'). Answers 1 when restored now, 0 when restored before.</summary>
    private static readonly RedisScript<AuditScript.Subject> Restore = new(
        "restore an audit record",
        AuditScript.Keys().Key("restored", subject => ImportRedisKeys.RestoredAudit(subject.Part)),
        """
        if redis.call('HEXISTS', restored, ARGV[2]) == 1 then return 0 end
        local n = append_audit(ARGV[1], ARGV[3] == '1', ARGV[4] == '1')
        redis.call('HSET', restored, ARGV[2], n)
        return 1
        """,
        AuditScript.Lua);

    /// <summary>Restores the records in order; answers, per record, whether it was restored now.</summary>
    public async Task<bool[]> RestoreAsync(IReadOnlyList<AuditEntry> entries)
    {
        var here = await CommentRecordsHereAsync(entries);
        // One part's scripts share one connection, so they run in the list's order without waiting for each other.
        var restored = entries.Select(entry => here.Contains(entry) ? Task.FromResult(false) : RestoreOneAsync(entry)).ToArray();
        return await Task.WhenAll(restored);
    }

    private async Task<bool> RestoreOneAsync(AuditEntry entry)
    {
        var part = entry.CommentId is null ? 0 : CommentParts.OfComment(entry.CommentId);
        var json = AuditJson.Serialize(entry);
        return (int)await Restore.EvaluateAsync(
            CommentStore.Writes(writes, part),
            new AuditScript.Subject(part, entry.CommentId, entry.ModeratorId, entry.CommentId ?? entry.ReaderId ?? "system"),
            [json, Digest(json), entry.CommentId is null ? "0" : "1", entry.ModeratorId is null ? "0" : "1"]) == 1;
    }

    /// <summary>The records the entries' comments have in this store, restored or written here, compared as records (their JSON may be spelled differently).</summary>
    private async Task<HashSet<AuditEntry>> CommentRecordsHereAsync(IReadOnlyList<AuditEntry> entries)
    {
        var database = redis.GetDatabase();
        var comments = entries.Select(entry => entry.CommentId).OfType<string>().Distinct().ToArray();
        var numbers = await Task.WhenAll(comments.Select(id => database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(id))));
        var records = await Task.WhenAll(comments.Select((id, i) => numbers[i].Length == 0
            ? Task.FromResult(Array.Empty<RedisValue>())
            : database.HashGetAsync(ModerationRedisKeys.AuditRecords(CommentParts.OfComment(id)), numbers[i])));
        return [.. records.SelectMany(values => values).Where(value => !value.IsNullOrEmpty).Select(value => AuditJson.Parse((string)value!))];
    }

    private static string Digest(string json) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
}
