namespace Moderation.Http.Articles;

/// <summary>An article's settings to change; null leaves one as it is.</summary>
/// <param name="CommentsOpen">Whether readers may comment.</param>
/// <param name="Premoderation">Whether every comment waits for a moderator.</param>
/// <param name="HoldThreshold">The score above which a comment is held.</param>
public sealed record ArticleSettingsRequest(bool? CommentsOpen, bool? Premoderation, double? HoldThreshold);

/// <summary>An article as the API answers it.</summary>
/// <param name="Id">The article id.</param>
/// <param name="CommentsOpen">Whether readers may comment.</param>
/// <param name="Premoderation">Whether every comment waits for a moderator.</param>
/// <param name="HoldThreshold">The score above which a comment is held.</param>
/// <param name="CommentCount">Published comments.</param>
/// <param name="PollIds">Its polls.</param>
public sealed record ArticleResponse(
    string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold, int CommentCount, IReadOnlyList<string> PollIds);
