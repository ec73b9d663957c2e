namespace Moderation.Api.Cors;

/// <summary>
/// Which web origins may call the API from a browser. Widgets run on the news sites' own pages and send a bearer
/// token, not cookies, so credentials are never allowed; an origin that is not listed gets no CORS headers at all.
/// </summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins, such as https://news.example.org; empty (the default) allows no cross-origin calls.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid() => PreflightMaxAge >= TimeSpan.Zero && AllowedOrigins.All(IsOrigin);

    /// <summary>scheme://host[:port] and nothing else: no path, no trailing slash, no wildcard.</summary>
    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !origin.Contains('*')
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);
}
