namespace Moderation.Http.Articles;

/// <summary>An article's settings to change; null leaves one as it is.</summary>
/// <param name="CommentsOpen">Whether readers may comment.</param>
/// <param name="Premoderation">Whether every comment waits for a moderator.</param>
/// <param name="HoldThreshold">The score above which a comment is held.</param>
/// <param name="Trust">The article's own trust rule counts; present, it replaces the earlier ones whole (an empty object: the site's again).</param>
public sealed record ArticleSettingsRequest(bool? CommentsOpen, bool? Premoderation, double? HoldThreshold, ArticleTrustSettings? Trust = null);

/// <summary>An article's own trust rule counts; null uses the site's (configuration Trust:*), 0 turns a rule off.</summary>
/// <param name="NewReaderComments">A reader's first this many comments wait (reason new-reader).</param>
/// <param name="LinkApprovedComments">A comment with a link waits while its author has fewer approved comments than this (reason link).</param>
/// <param name="RecentRejections">This many rejections within the site's window premoderate the reader (reason recent-rejections).</param>
public sealed record ArticleTrustSettings(int? NewReaderComments, int? LinkApprovedComments, int? RecentRejections);

/// <summary>An article as the API answers it.</summary>
/// <param name="Id">The article id.</param>
/// <param name="CommentsOpen">Whether readers may comment.</param>
/// <param name="Premoderation">Whether every comment waits for a moderator.</param>
/// <param name="HoldThreshold">The score above which a comment is held.</param>
/// <param name="CommentCount">Published comments.</param>
/// <param name="PollIds">Its polls.</param>
/// <param name="Trust">The article's own trust rule counts, or null when it uses the site's.</param>
public sealed record ArticleResponse(
    string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold, int CommentCount, IReadOnlyList<string> PollIds,
    ArticleTrustSettings? Trust = null);
