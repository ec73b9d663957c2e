namespace Moderation.Contracts.Moderators;

/// <summary>The moderation queues and their orders.</summary>
public static class QueueNames
{
    /// <summary>Held by the filter or premoderation.</summary>
    public const string Pending = "pending";
    /// <summary>Published comments that enough readers reported.</summary>
    public const string Reported = "reported";
    /// <summary>Rejected by a moderator (or with a banned author).</summary>
    public const string Rejected = "rejected";
    /// <summary>Approved by a moderator.</summary>
    public const string Approved = "approved";

    /// <summary>Every queue.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Reported, Rejected, Approved];

    /// <summary>Sorted by creation order.</summary>
    public const string ByAge = "age";
    /// <summary>Sorted by toxicity score.</summary>
    public const string ByScore = "score";
}
