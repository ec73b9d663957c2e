namespace Moderation.Api.Comments;

public sealed class CommentsOptions
{
    public const string Section = "Comments";

    /// <summary>Shortest time between two posts by one reader, across all silos.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Reports by distinct readers that put a published comment in the reported queue.</summary>
    public int ReportThreshold { get; set; } = 3;

    /// <summary>Longest silence on an article's event stream before a comment line keeps proxies from closing it.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long after its rejection a rejected comment's text is kept; null (the default) keeps it.</summary>
    public TimeSpan? RejectedTextRetention { get; set; }

    /// <summary>How often one silo sweeps for rejected texts past their retention.</summary>
    public TimeSpan RejectedTextSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after posting its author may edit a comment.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(5);
}
