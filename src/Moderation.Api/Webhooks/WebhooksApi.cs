using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Http.Webhooks;
using Moderation.Redis.Webhooks;

namespace Moderation.Api.Webhooks;

/// <summary>Editors register the URLs the service posts its events to, and read how the deliveries went.</summary>
public static class WebhooksApi
{
    private const int MinSecretLength = 16;
    private const int MaxSecretLength = 256;
    private const int MaxUrlLength = 2048;
    private const int DefaultDeliveries = 50;
    private const int MaxDeliveries = 200;

    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Editor);
        webhooks.MapPost("/", Register).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register a webhook: its URL, events and signing secret.");
        webhooks.MapGet("/", List).WithSummary("The registered webhooks, without their secrets.");
        webhooks.MapDelete("/{webhookId}", Remove).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Remove a webhook and its pending deliveries.");
        webhooks.MapGet("/{webhookId}/deliveries", Deliveries).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A webhook's newest deliveries, newest first.");
        return webhooks;
    }

    private static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> Register(
        WebhookRequest request, ClaimsPrincipal user, WebhookRecords records, WebhookSecrets secrets, WebhookSubscriptions subscriptions,
        IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Url is { Length: > MaxUrlLength })
        {
            errors["url"] = [$"A webhook URL is at most {MaxUrlLength} characters."];
        }
        else if (WebhookTargets.Problem(request.Url, out var target) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }
        else if (!options.Value.AllowPrivateTargets && await WebhookTargets.AddressProblemAsync(target!, cancellation) is { } addressProblem)
        {
            errors["url"] = [addressProblem];
        }

        var events = (request.Events ?? []).Select(name => name?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0)
        {
            errors["events"] = [$"Name at least one event: {string.Join(", ", WebhookEvents.All)}."];
        }
        else if (events.FirstOrDefault(name => !WebhookEvents.All.Contains(name)) is { } unknown)
        {
            errors["events"] = [$"'{unknown}' is not an event; the events are {string.Join(", ", WebhookEvents.All)}."];
        }

        if (request.Secret is not { Length: >= MinSecretLength and <= MaxSecretLength } || string.IsNullOrWhiteSpace(request.Secret))
        {
            errors["secret"] = [$"The secret is {MinSecretLength} to {MaxSecretLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if ((await records.ListAsync()).Count >= options.Value.MaxWebhooks)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Too many webhooks",
                detail: $"The site has {options.Value.MaxWebhooks} webhooks, the most it takes (Webhooks:MaxWebhooks); remove one first.");
        }

        var hook = new WebhookRecord(
            "wh-" + Guid.NewGuid().ToString("N")[..16], request.Url!.Trim(), [.. events], request.Secret!,
            DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()), ReaderIdentity.From(user).Id);
        await records.AddAsync(secrets.Seal(hook));
        // This silo records the events at once; the others when their dispatchers next read the webhooks.
        await subscriptions.RefreshAsync();
        return TypedResults.Created($"/api/webhooks/{hook.Id}", Response(hook));
    }

    private static async Task<Ok<WebhookListResponse>> List(WebhookRecords records) =>
        TypedResults.Ok(new WebhookListResponse([.. (await records.ListAsync()).Select(Response)]));

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        string webhookId, WebhookRecords records, DeliveryStore deliveries, WebhookSubscriptions subscriptions)
    {
        if (!await records.RemoveAsync(webhookId))
        {
            return UnknownWebhook(webhookId);
        }

        await deliveries.ForgetAsync(webhookId);
        await subscriptions.RefreshAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DeliveryListResponse>, ProblemHttpResult, ValidationProblem>> Deliveries(
        string webhookId, int? limit, WebhookRecords records, DeliveryStore deliveries)
    {
        if (limit is < 1 or > MaxDeliveries)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1 to {MaxDeliveries}."] });
        }

        if (await records.FindAsync(webhookId) is null)
        {
            return UnknownWebhook(webhookId);
        }

        var recent = await deliveries.RecentAsync(webhookId, limit ?? DefaultDeliveries);
        return TypedResults.Ok(new DeliveryListResponse([.. recent.Select(Response)]));
    }

    private static WebhookResponse Response(WebhookRecord hook) => new(hook.Id, hook.Url, hook.Events, hook.CreatedAt, hook.CreatedBy);

    private static DeliveryResponse Response(DeliveryRecord delivery) => new(
        delivery.Id, delivery.EventId, delivery.EventType, delivery.Status, delivery.Attempts, delivery.CreatedAt, delivery.LastAttemptAt,
        delivery.LastStatusCode, delivery.LastError, delivery.NextAttemptAt, delivery.DeliveredAt);

    private static ProblemHttpResult UnknownWebhook(string webhookId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown webhook", detail: $"There is no webhook '{webhookId}'.");
}
