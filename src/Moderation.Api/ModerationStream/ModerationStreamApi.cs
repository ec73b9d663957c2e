using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Events;
using Moderation.Api.Comments;
using Moderation.Redis.ModerationFeed;

namespace Moderation.Api.ModerationStream;

/// <summary>The moderators' live stream: held, reported, decided and banned, from every silo.</summary>
public static class ModerationStreamApi
{
    public static RouteHandlerBuilder MapModerationStream(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/moderation/events", Events).RequireAuthorization(Policies.Moderator).WithTags("Moderation")
            .WithSummary("Server-sent events: comment.held, comment.reported, comment.decided (with who), reader.banned; resumes after Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static Results<ModerationEventStream, ValidationProblem> Events(
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, string? lastEventId, ModerationEventsHub hub, FeedRecords records,
        IOptions<CommentsOptions> options)
    {
        if (!LastEventId.TryRead(lastEventIdHeader, lastEventId, out var after, out var problem))
        {
            return problem;
        }

        return new ModerationEventStream(after, hub, records, options.Value.KeepAliveInterval);
    }
}
