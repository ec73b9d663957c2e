using Moderation.Contracts.Comments;

namespace Moderation.Contracts.Readers;

/// <summary>One reader's standing, keyed by reader id; the banned-readers set in Redis mirrors it for hot paths.</summary>
public interface IReaderGrain : IGrainWithStringKey
{
    /// <summary>The reader's standing.</summary>
    Task<ReaderStanding> Get();

    /// <summary>Bans durably (and audits it); with RejectPending, rejects the reader's held comments. Returns the comments it rejected.</summary>
    Task<IReadOnlyList<CommentView>> Ban(BanOrder order);

    /// <summary>Lifts a ban durably and audits it; false when the reader was not banned.</summary>
    Task<bool> Unban(string moderatorId, DateTimeOffset at);

    /// <summary>Records the ban's webhook event if the standing holds the event of that id; after a crash left it pending.</summary>
    Task RecordPendingEvent(string eventId);

    /// <summary>Removes the standing (an erasure); a ban stays, and false says so.</summary>
    Task<bool> Forget();
}
