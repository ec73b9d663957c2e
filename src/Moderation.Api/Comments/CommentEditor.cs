using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.ModerationStream;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;

namespace Moderation.Api.Comments;

/// <summary>Why an edit was refused.</summary>
public enum EditRefusal
{
    NotFound,
    NotYours,
    Banned,
    WindowClosed,
    NotEditable,
    Closed,
}

/// <summary>What an edit came to: the comment after it, or the input errors, or a refusal.</summary>
public sealed record EditResult(CommentView? Comment, Dictionary<string, string[]>? Errors, EditRefusal? Refusal)
{
    public static EditResult Done(CommentView comment) => new(comment, null, null);

    public static EditResult Invalid(Dictionary<string, string[]> errors) => new(null, errors, null);

    public static EditResult Refused(EditRefusal refusal) => new(null, null, refusal);
}

/// <summary>
/// An author's edit within <see cref="CommentsOptions.EditWindow"/>: the new text passes the whole gate again. A
/// published comment whose new text the gate would hold leaves the thread for the pending queue (or, with a banned
/// word, is rejected), its reasons saying <see cref="EditedReason"/>; a held comment stays held with the new reasons
/// added. The same text again is a retry and changes nothing, even after the window.
/// </summary>
public sealed class CommentEditor(
    CommentStore comments,
    EditStore edits,
    CommentGate gate,
    IGrainFactory grains,
    BannedReaders bans,
    CommentEvents events,
    ModerationFeed feed,
    IOptionsMonitor<CommentsOptions> options,
    TimeProvider clock)
{
    /// <summary>The reason an edit adds to a comment it holds.</summary>
    public const string EditedReason = "edited";

    private const int Attempts = 3;

    public async Task<EditResult> EditAsync(string commentId, EditCommentRequest request, ReaderIdentity reader)
    {
        var errors = CommentValidation.ValidatePost(new PostCommentRequest(request.Body, null));
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        var body = request.Body!.Trim();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var comment = CommentIds.IsWellFormed(commentId) ? await comments.ReadAsync(commentId) : null;
            if (await RefusalAsync(comment, reader) is { } refusal)
            {
                return EditResult.Refused(refusal);
            }

            if (comment!.Body == body)
            {
                return EditResult.Done(comment);
            }

            if (clock.GetUtcNow() > comment.CreatedAt + options.CurrentValue.EditWindow)
            {
                return EditResult.Refused(EditRefusal.WindowClosed);
            }

            var article = await grains.GetGrain<IArticleGrain>(comment.ArticleId).Get();
            if (!article.CommentsOpen)
            {
                return EditResult.Refused(EditRefusal.Closed);
            }

            var edit = Verdict(comment, await gate.JudgeTextAsync(comment, body, reader, article));
            var (outcome, former, count) = await edits.EditAsync(comment, edit);
            switch (outcome)
            {
                case EditOutcome.Stale:
                    continue;
                case EditOutcome.NotFound:
                    return EditResult.Refused(EditRefusal.NotFound);
                case EditOutcome.NotEditable:
                    return EditResult.Refused(EditRefusal.NotEditable);
            }

            var after = await comments.ReadAsync(commentId) ?? throw new InvalidOperationException($"Comment {commentId} vanished after an edit.");
            if (outcome == EditOutcome.Edited)
            {
                await NotifyAsync(after, former!, count);
            }

            return EditResult.Done(after);
        }

        // Moderators decided on the comment between every read and write: its status is theirs to settle first.
        return EditResult.Refused(EditRefusal.NotEditable);
    }

    private async Task<EditRefusal?> RefusalAsync(CommentView? comment, ReaderIdentity reader)
    {
        if (comment is null)
        {
            return EditRefusal.NotFound;
        }

        if (comment.AuthorId != reader.Id)
        {
            // Another reader may know a published comment exists, never a held one.
            return comment.Status is CommentStatus.Published or CommentStatus.Deleted || reader.IsModerator ? EditRefusal.NotYours : EditRefusal.NotFound;
        }

        if (await bans.IsBannedAsync(reader.Id))
        {
            return EditRefusal.Banned;
        }

        return comment.Status is CommentStatus.Published or CommentStatus.Pending ? null : EditRefusal.NotEditable;
    }

    /// <summary>What the gate's verdict on the new text means for a comment already published or held.</summary>
    private static CommentEdit Verdict(CommentView comment, CommentDraft judged)
    {
        if (comment.Status == CommentStatus.Published && judged.Status == CommentStatus.Published)
        {
            return new CommentEdit(judged.Body, CommentStatus.Published, comment.Reasons, judged.Score, judged.ModelVersion, judged.Explanation);
        }

        var status = judged.Status == CommentStatus.Rejected ? CommentStatus.Rejected : CommentStatus.Pending;
        var reasons = comment.Status == CommentStatus.Pending ? judged.Reasons.Concat(comment.Reasons) : judged.Reasons;
        ImmutableArray<string> all = [.. reasons.Append(EditedReason).Distinct(StringComparer.Ordinal)];
        return new CommentEdit(judged.Body, status, all, judged.Score, judged.ModelVersion, judged.Explanation);
    }

    /// <summary>Live listeners learn of a comment that left the thread, moderators of one that waits for them; notices after the durable change.</summary>
    private async Task NotifyAsync(CommentView after, string former, long count)
    {
        if (former == CommentStatus.Published && after.Status != CommentStatus.Published)
        {
            await events.CountAsync(after.ArticleId, count);
        }

        if (after.Status == CommentStatus.Pending)
        {
            await feed.HeldAsync(after);
        }
        else if (after.Status == CommentStatus.Rejected)
        {
            await feed.DecidedAsync(after, CommentGate.SystemDecider, "reject", after.RejectionReason, after.EditedAt ?? clock.GetUtcNow());
        }
    }
}
