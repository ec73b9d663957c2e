namespace Moderation.Http.Comments;

/// <summary>One of a reader's own comments, as its author (or a moderator) sees it.</summary>
/// <param name="Comment">The comment, any status.</param>
/// <param name="RejectionReason">The moderator's reason when it is rejected, else null.</param>
public sealed record OwnComment(PublicComment Comment, string? RejectionReason);

/// <summary>One page of a reader's own comments, newest first.</summary>
/// <param name="Items">The comments.</param>
/// <param name="NextCursor">Where the next page starts (send it back unchanged as <c>cursor</c>), or null at the end.</param>
public sealed record OwnCommentPage(IReadOnlyList<OwnComment> Items, string? NextCursor);

/// <summary>Whether a reader is banned, since when, why and by whom.</summary>
/// <param name="Banned">True while banned.</param>
/// <param name="Since">When the ban began, or null.</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="BannedBy">The moderator, or null.</param>
public sealed record AuthorStanding(bool Banned, DateTimeOffset? Since, string? Reason, string? BannedBy);

/// <summary>How many of an author's comments are in each status, and how many drew reports.</summary>
/// <param name="Published">Published.</param>
/// <param name="Pending">Held for a moderator.</param>
/// <param name="Rejected">Rejected.</param>
/// <param name="Deleted">Deleted by their author or a moderator.</param>
/// <param name="Reported">Comments with at least one report.</param>
public sealed record AuthorCounts(long Published, long Pending, long Rejected, long Deleted, long Reported);

/// <summary>An author's history for a moderator deciding on one of their comments.</summary>
/// <param name="ReaderId">The author.</param>
/// <param name="Standing">Their ban standing.</param>
/// <param name="Counts">Their comments by status.</param>
/// <param name="Latest">Their latest comments, newest first.</param>
public sealed record AuthorHistory(string ReaderId, AuthorStanding Standing, AuthorCounts Counts, IReadOnlyList<OwnComment> Latest);
