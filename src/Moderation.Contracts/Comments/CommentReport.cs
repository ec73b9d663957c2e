namespace Moderation.Contracts.Comments;

/// <summary>A reader's report on a comment.</summary>
/// <param name="ReaderId">Who reported.</param>
/// <param name="Reason">offensive, abusive, spam or other.</param>
/// <param name="Note">Free text, possibly empty.</param>
/// <param name="At">When.</param>
/// <param name="Threshold">Reports that put a published comment in the reported queue.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-report")]
public sealed record CommentReport(
    [property: Id(0)] string ReaderId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Note,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int Threshold);
