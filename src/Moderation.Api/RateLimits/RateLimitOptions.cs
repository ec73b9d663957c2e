namespace Moderation.Api.RateLimits;

/// <summary>
/// How many writes of each kind one reader and one client address may make per window, across all silos.
/// A limit of 0 turns that limit off.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>False turns every write limit off (the comment post interval still applies).</summary>
    public bool Enabled { get; set; } = true;

    public WriteLimit Votes { get; set; } = new() { PerReader = 30, PerIp = 1200, Window = TimeSpan.FromMinutes(1) };

    public WriteLimit Comments { get; set; } = new() { PerReader = 20, PerIp = 300, Window = TimeSpan.FromMinutes(10) };

    public WriteLimit Reports { get; set; } = new() { PerReader = 30, PerIp = 300, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Adding and taking back reactions both count.</summary>
    public WriteLimit Reactions { get; set; } = new() { PerReader = 60, PerIp = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Anonymous tokens have no reader yet: only the per-address limit applies.</summary>
    public WriteLimit AnonymousTokens { get; set; } = new() { PerReader = 0, PerIp = 60, Window = TimeSpan.FromMinutes(10) };

    public WriteLimit For(WriteKind kind) => kind switch
    {
        WriteKind.Vote => Votes,
        WriteKind.Comment => Comments,
        WriteKind.Report => Reports,
        WriteKind.Reaction => Reactions,
        WriteKind.AnonymousToken => AnonymousTokens,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public bool IsValid() =>
        Enum.GetValues<WriteKind>().Select(For).All(limit => limit.PerReader >= 0 && limit.PerIp >= 0 && limit.Window > TimeSpan.Zero);
}

public sealed class WriteLimit
{
    /// <summary>Writes one reader (token subject) may make per window; 0: no limit.</summary>
    public int PerReader { get; set; }

    /// <summary>Writes one client address may make per window, whoever the reader; 0: no limit.</summary>
    public int PerIp { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The kinds of write that are limited, each with its own counters.</summary>
public enum WriteKind
{
    Vote,
    Comment,
    Report,
    AnonymousToken,
    Reaction,
}
