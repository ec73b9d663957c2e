using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Moderators;

/// <summary>
/// The audit fragment scripts share: the five audit keys (<c>audit.sequence</c>, <c>audit.records</c>,
/// <c>audit.all</c>, <c>audit.by_comment</c>, <c>audit.by_moderator</c>) and Lua functions that append a record under
/// the next number and index it, and that close a record head with the statuses the script learns as it runs.
/// </summary>
internal static class AuditScript
{
    /// <summary>
    /// Whose record it is and the part it goes in (a comment's, or part 0 for a record about a reader only); an absent
    /// comment or moderator gets an unused stand-in key (<see cref="StandIn"/> makes it unique), skipped by the flags.
    /// </summary>
    public sealed record Subject(int Part, string? CommentId, string? ModeratorId, string StandIn)
    {
        /// <summary>A record about a comment, in the comment's part.</summary>
        public static Subject About(string commentId, string? moderatorId) =>
            new(CommentParts.OfComment(commentId), commentId, moderatorId, commentId);
    }

    public static ScriptKeys<Subject> Keys() => new ScriptKeys<Subject>()
        .Key("audit.sequence", subject => ModerationRedisKeys.AuditSequence(subject.Part))
        .Key("audit.records", subject => ModerationRedisKeys.AuditRecords(subject.Part))
        .Key("audit.all", subject => ModerationRedisKeys.AuditAll(subject.Part))
        .Key("audit.by_comment", subject => subject.CommentId is null
            ? CommentRedisKeys.Unused(subject.Part, subject.StandIn, "audit-comment")
            : ModerationRedisKeys.AuditByComment(subject.CommentId))
        .Key("audit.by_moderator", subject => subject.ModeratorId is null
            ? CommentRedisKeys.Unused(subject.Part, subject.StandIn, "audit-moderator")
            : ModerationRedisKeys.AuditByModerator(subject.Part, subject.ModeratorId));

    /// <summary>Lua that defines append_audit(json, has_comment, has_moderator), returning the record's number, and audit_json(head, from, to).</summary>
    public const string Lua = """
        local function append_audit(json, has_comment, has_moderator)
          local n = redis.call('INCR', audit.sequence)
          redis.call('HSET', audit.records, n, json)
          redis.call('ZADD', audit.all, n, n)
          if has_comment then redis.call('ZADD', audit.by_comment, n, n) end
          if has_moderator then redis.call('ZADD', audit.by_moderator, n, n) end
          return n
        end
        local function audit_json(head, from, to)
          return head .. ',"fromStatus":"' .. from .. '","toStatus":"' .. to .. '"}'
        end

        """;
}
