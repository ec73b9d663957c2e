namespace Moderation.Contracts.Comments;

/// <summary>One comment's changes, one at a time. Its data lives in Redis hashes and sorted sets, changed by one script per change.</summary>
public interface ICommentGrain : IGrainWithStringKey
{
    /// <summary>Stores the comment durably with its indexes and counts; posting the same id again returns what exists.</summary>
    Task<PostResult> Post(CommentDraft draft);

    /// <summary>The comment, or null.</summary>
    Task<CommentView?> Get();

    /// <summary>Records a reader's report; a configured number of reports queues a published comment for review.</summary>
    Task<ReportResult> Report(CommentReport report);

    /// <summary>Removes the text, keeping the comment's place in the thread; null when there is no such comment.</summary>
    Task<CommentView?> Delete(string actorId, bool byModerator);
}
