using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Imports;

/// <summary>
/// Restores the audit records of this service's export, each in the part it came from (a comment's, else part 0) and in
/// the order given, so that an export of the restored site lists them as the original did. Each record is known by a
/// digest of its JSON, kept in its part: restoring one again finds it there and changes nothing.
/// </summary>
public sealed class AuditRestore(RedisWriteConnections writes)
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
        // One part's scripts share one connection, so they run in the list's order without waiting for each other.
        var restored = entries.Select(entry =>
        {
            var part = entry.CommentId is null ? 0 : CommentParts.OfComment(entry.CommentId);
            var json = AuditJson.Serialize(entry);
            return Restore.EvaluateAsync(
                CommentStore.Writes(writes, part),
                new AuditScript.Subject(part, entry.CommentId, entry.ModeratorId, entry.CommentId ?? entry.ReaderId ?? "system"),
                [json, Digest(json), entry.CommentId is null ? "0" : "1", entry.ModeratorId is null ? "0" : "1"]);
        }).ToArray();
        return [.. (await Task.WhenAll(restored)).Select(answer => (int)answer == 1)];
    }

    private static string Digest(string json) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
}
