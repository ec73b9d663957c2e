using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Moderators;

namespace Moderation.Redis.Comments;

/// <summary>
/// Stores a judged new comment, with the system's audit record for a hold or a rejection by the gate, and tells the
/// article's listeners of a publication. It needs no grain: the post script refuses an id twice and no other change
/// can reach a comment before it is stored, so the gate calls it on the silo that took the post, without activating
/// a grain per comment (9 to 12 % of a post's CPU on redis-server, docs/benchmarks.md).
/// </summary>
public sealed class CommentPosting(CommentStore comments, CommentEvents events)
{
    public async Task<PostResult> PostAsync(CommentDraft draft)
    {
        var audit = draft.Status switch
        {
            CommentStatus.Pending => AuditJson.Serialize(new AuditEntry(
                draft.CreatedAt, null, draft.Id, draft.AuthorId, "hold", string.Join(',', draft.Reasons), null, null, CommentStatus.Pending, draft.Score)),
            CommentStatus.Rejected => AuditJson.Serialize(new AuditEntry(
                draft.CreatedAt, null, draft.Id, draft.AuthorId, "reject", string.Join(',', draft.Reasons), null, null, CommentStatus.Rejected, draft.Score)),
            _ => null,
        };
        var result = await comments.PostAsync(draft, audit);
        if (result is { Created: true, Comment.Status: CommentStatus.Published })
        {
            await events.PublishedAsync(result.Comment, result.PublishedCount);
        }

        return result;
    }
}
