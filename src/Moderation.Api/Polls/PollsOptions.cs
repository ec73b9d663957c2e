namespace Moderation.Api.Polls;

public sealed class PollsOptions
{
    public const string Section = "Polls";

    /// <summary>Vote shards per new poll: how many storage writes one poll's votes can have under way at once.</summary>
    public int ShardCount { get; set; } = 16;

    /// <summary>Longest silence on a results stream before a comment line keeps proxies from closing it.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
