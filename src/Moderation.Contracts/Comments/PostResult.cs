namespace Moderation.Contracts.Comments;

/// <summary>What became of a post.</summary>
/// <param name="Comment">The stored comment, or null when refused.</param>
/// <param name="PublishedCount">The article's published comments after the post.</param>
/// <param name="Created">True when this post stored the comment; false when a comment with its id already existed.</param>
[GenerateSerializer, Immutable, Alias("moderation.post-result")]
public sealed record PostResult(
    [property: Id(0)] CommentView? Comment, [property: Id(1)] long PublishedCount, [property: Id(2)] bool Created)
{
    /// <summary>True when the parent does not exist, is on another article, or is not visible.</summary>
    public bool UnknownParent => Comment is null;
}
