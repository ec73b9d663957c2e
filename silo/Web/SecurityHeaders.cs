using Microsoft.Extensions.Options;

namespace Moderation.Silo.Web;

/// <summary>
/// Response headers that make the service's pages safe to serve: nosniff and a referrer policy on every response,
/// and on HTML pages a Content-Security-Policy that allows no inline script or style and no foreign origin.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<WebOptions> options)
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private readonly string _pagePolicy = PagePolicy(options.Value.FrameAncestors);

    public static string PagePolicy(string frameAncestors) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        $"frame-ancestors {frameAncestors.Trim()}");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = _pagePolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
