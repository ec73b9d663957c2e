using System.Net;
using System.Text;

namespace Moderation.Client.Http;

/// <summary>
/// A non-success answer from the service, built from its RFC 9457 problem details when it sent them
/// (else from the status line and the start of the body). <see cref="Exception.Message"/> reads as one sentence
/// followed by one line per invalid field.
/// </summary>
public sealed class ProblemException : Exception
{
    public ProblemException(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null, TimeSpan? retryAfter = null)
        : base(Describe(status, title, detail, errors, retryAfter))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Field name to messages, for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>From the <c>Retry-After</c> header of a 429 or 503.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]>? errors, TimeSpan? retryAfter)
    {
        var text = new StringBuilder();
        text.Append((int)status).Append(' ').Append(string.IsNullOrWhiteSpace(title) ? ReasonPhrase(status) : title.Trim().TrimEnd('.'));
        if (!string.IsNullOrWhiteSpace(detail))
        {
            text.Append(": ").Append(detail.Trim());
        }

        if (retryAfter is { } wait)
        {
            text.Append($" (retry after {wait.TotalSeconds:0.#} s)");
        }

        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                text.AppendLine().Append("  ").Append(field).Append(": ").Append(message);
            }
        }

        return text.ToString();
    }

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.RequestEntityTooLarge => "Payload Too Large",
        HttpStatusCode.UnsupportedMediaType => "Unsupported Media Type",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        _ => status.ToString(),
    };
}
