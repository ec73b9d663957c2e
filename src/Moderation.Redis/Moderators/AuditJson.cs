using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;

namespace Moderation.Redis.Moderators;

/// <summary>
/// Audit records are JSON built here, where strings are escaped properly. A script that learns the statuses only
/// when it runs gets the record without its closing brace and appends the two status fields (plain words) itself (audit_json in <see cref="AuditScript"/>).
/// </summary>
public static class AuditJson
{
    public static string Serialize(AuditEntry entry) => JsonSerializer.Serialize(entry, PublicComment.JsonOptions);

    /// <summary>The record up to, not including, its closing brace, without fromStatus and toStatus.</summary>
    public static string Head(AuditEntry entry)
    {
        var json = JsonSerializer.Serialize(
            new
            {
                entry.At,
                entry.ModeratorId,
                entry.CommentId,
                entry.ReaderId,
                entry.Action,
                entry.Reason,
                entry.Note,
                entry.Score,
            },
            PublicComment.JsonOptions);
        return json[..^1];
    }

    public static AuditEntry Parse(string json) =>
        JsonSerializer.Deserialize<AuditEntry>(json, PublicComment.JsonOptions) ?? throw new InvalidOperationException("An empty audit record.");
}
