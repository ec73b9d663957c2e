using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Comments;
using Moderation.Redis.Readers;

namespace Moderation.Api.Readers;

/// <summary>A reader's notices as server-sent events: replies, decisions on their comments, picks.</summary>
public static class ReaderEventsApi
{
    /// <summary>The route, the one place a token may come as the <c>access_token</c> query parameter (EventSource sends no headers).</summary>
    public const string Path = "/api/readers/me/events";

    public static RouteHandlerBuilder MapReaderEvents(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, Events).RequireAuthorization(Policies.Reader).WithTags("Readers")
            .WithSummary("Server-sent events to you: reply, approved, rejected (with the reason), featured; resumes after Last-Event-ID for a day.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static Results<ReaderEventStream, ValidationProblem> Events(
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, string? lastEventId, ClaimsPrincipal user, ReaderEventsHub hub,
        ReaderNotices notices, IOptions<CommentsOptions> options)
    {
        var given = lastEventIdHeader ?? lastEventId;
        long? after = null;
        if (given is not null)
        {
            if (!long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["lastEventId"] = ["The last event id is the id of an event this stream sent: a number of 0 or more."],
                });
            }

            after = parsed;
        }

        return new ReaderEventStream(ReaderIdentity.From(user).Id, after, hub, notices, options.Value.KeepAliveInterval);
    }
}
