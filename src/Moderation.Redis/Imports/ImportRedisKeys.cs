using Moderation.Redis.Comments;

namespace Moderation.Redis.Imports;

/// <summary>What imports keep in Redis beside the comments they store.</summary>
public static class ImportRedisKeys
{
    /// <summary>Hash of a part's restored audit records: the digest of a record's JSON to its number here.</summary>
    public static string RestoredAudit(int part) => CommentParts.Prefix(part) + "audit:restored";
}
