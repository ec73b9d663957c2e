namespace Moderation.Redis.Polls;

/// <summary>How long a poll's analytics (timeline, address counts) are kept after their last write.</summary>
public static class PollAnalytics
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);
}
