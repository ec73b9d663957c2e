using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Events;
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
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Server-sent events to you: reply, approved, rejected (with the reason), featured; resumes after Last-Event-ID for a day.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static Results<ReaderEventStream, ValidationProblem> Events(
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, string? lastEventId, ClaimsPrincipal user, ReaderEventsHub hub,
        ReaderNotices notices, IOptions<CommentsOptions> options)
    {
        if (!LastEventId.TryRead(lastEventIdHeader, lastEventId, out var after, out var problem))
        {
            return problem;
        }

        return new ReaderEventStream(ReaderIdentity.From(user).Id, after, hub, notices, options.Value.KeepAliveInterval);
    }
}
