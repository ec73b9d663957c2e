using Moderation.Redis.Comments;

namespace Moderation.Redis.Readers;

/// <summary>Where a reader's standing and gates live in Redis.</summary>
public static class ReaderRedisKeys
{
    /// <summary>Set of banned reader ids: the hot paths' cheap check.</summary>
    public const string Banned = "moderation:readers:banned";

    /// <summary>Set of a reader's comments of one part waiting for a moderator, which a ban with rejectPending rejects; the comment scripts keep it, so it is in their part.</summary>
    public static string Pending(int part, string readerId) => $"{CommentParts.Prefix(part)}reader:{{{readerId}}}:pending";

    /// <summary>Hash of a reader's counts in one part: "posted" (comments stored, but for the gate's rejections) and "approved" (comments that went live, less those rejected after); the post and decide scripts keep it.</summary>
    public static string Counts(int part, string readerId) => $"{CommentParts.Prefix(part)}reader:{{{readerId}}}:counts";

    /// <summary>Sorted set of a reader's rejected comments in one part, scored by the time (Unix ms) of the rejection; an approval takes its comment out.</summary>
    public static string Rejections(int part, string readerId) => $"{CommentParts.Prefix(part)}reader:{{{readerId}}}:rejections";

    /// <summary>Sorted set of every comment a reader posted in one part, any status, scored by sequence number; the post script keeps it.</summary>
    public static string Comments(int part, string readerId) => $"{CommentParts.Prefix(part)}reader:{{{readerId}}}:comments";

    /// <summary>Hash of erasure job id to the job (JSON): the durable record an erasure starts with.</summary>
    public const string ErasureJobs = "moderation:{erasures}:jobs";

    /// <summary>Set of the erasure jobs not finished yet: what a silo resumes when it starts.</summary>
    public const string PendingErasures = "moderation:{erasures}:pending";

    /// <summary>Hash of reader id to their unfinished erasure job, so that asking twice finds the same job; emptied as each job ends.</summary>
    public const string ErasureByReader = "moderation:{erasures}:by-reader";

    /// <summary>Counter behind a reader's notice ids; the reader id is its hash tag.</summary>
    public static string NoticeSequence(string readerId) => $"moderation:reader:{{{readerId}}}:notices:seq";

    /// <summary>Sorted set of a reader's recent notices by id (member <c>id\nUnix ms\njson</c>), trimmed by age and count.</summary>
    public static string Notices(string readerId) => $"moderation:reader:{{{readerId}}}:notices";

    /// <summary>Pub/sub channel of a reader's notices, to every silo's listeners of that reader.</summary>
    public static string NoticeChannel(string readerId) => $"moderation:reader:{readerId}:notices";

    /// <summary>Key that exists while a reader must wait before posting again (SET NX PX); the reader id is its hash tag.</summary>
    public static string PostGate(string readerId) => $"moderation:reader:{{{readerId}}}:post-gate";
}
