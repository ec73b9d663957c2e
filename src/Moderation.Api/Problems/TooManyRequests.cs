using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Moderation.Api.Problems;

public static class TooManyRequests
{
    /// <summary>A 429 problem with <c>Retry-After</c> in whole seconds (at least one), saying when to try again.</summary>
    public static ProblemHttpResult Problem(HttpResponse response, TimeSpan wait, string title, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: title,
            detail: $"{reason}: try again in {seconds} s.",
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-4");
    }
}
