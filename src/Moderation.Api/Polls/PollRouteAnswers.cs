using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Moderation.Api.Polls;

/// <summary>
/// The problem answers of the poll routes for the OpenAPI document: a handler's ProblemHttpResult does not say its
/// status, so the document would not name them otherwise.
/// </summary>
internal static class PollRouteAnswers
{
    /// <summary>401 without a token, 403 without the editor or admin role.</summary>
    public static RouteHandlerBuilder ForEditors(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>401 without a reader's token.</summary>
    public static RouteHandlerBuilder ForReaders(this RouteHandlerBuilder route) => route.ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>404 for an unknown poll.</summary>
    public static RouteHandlerBuilder OfAPoll(this RouteHandlerBuilder route) => route.ProducesProblem(StatusCodes.Status404NotFound);
}
