namespace Moderation.Contracts.Readers;

/// <summary>
/// A reader's erasure, recorded durably before any of it is done. While it runs it names the reader; once done, only
/// the pseudonym that stands for them in the audit trail remains.
/// </summary>
/// <param name="Id">The job id.</param>
/// <param name="ReaderId">The reader being erased; null once the job is done.</param>
/// <param name="Pseudonym">What the audit trail names the reader from now on.</param>
/// <param name="RequestedBy">The moderator who asked, or null when the reader asked.</param>
/// <param name="RequestedAt">When it was asked.</param>
/// <param name="Status">running or done.</param>
/// <param name="CompletedAt">When it was done.</param>
/// <param name="Erased">What it removed, once done.</param>
[GenerateSerializer, Immutable, Alias("moderation.erasure-job")]
public sealed record ErasureJob(
    [property: Id(0)] string Id,
    [property: Id(1)] string? ReaderId,
    [property: Id(2)] string Pseudonym,
    [property: Id(3)] string? RequestedBy,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTimeOffset? CompletedAt,
    [property: Id(7)] ErasureCounts? Erased)
{
    /// <summary>The status of a job still running (or waiting to be resumed).</summary>
    public const string Running = "running";

    /// <summary>The status of a finished job.</summary>
    public const string Done = "done";
}

/// <summary>What an erasure removed.</summary>
/// <param name="Comments">Comments whose text and author were removed.</param>
/// <param name="Votes">Votes retracted.</param>
/// <param name="Reactions">Reactions withdrawn.</param>
/// <param name="Reports">Reports withdrawn.</param>
[GenerateSerializer, Immutable, Alias("moderation.erasure-counts")]
public sealed record ErasureCounts(
    [property: Id(0)] int Comments,
    [property: Id(1)] int Votes,
    [property: Id(2)] int Reactions,
    [property: Id(3)] int Reports);
