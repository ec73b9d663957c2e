namespace Moderation.Silo.Web;

/// <summary>How the service's own pages (demo article, moderator console) may be embedded.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// The Content-Security-Policy frame-ancestors sources of the pages: which sites may show them in a frame.
    /// Space-separated CSP sources, e.g. <c>'self' https://news.example</c>; <c>'none'</c> forbids framing.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";

    /// <summary>Seed the demo article, poll and comments on first start in Development.</summary>
    public bool SeedDemo { get; set; } = true;

    internal static bool IsValidSourceList(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.All(character => character is not (';' or ',') && !char.IsControl(character));
}
