using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Webhooks;

public static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(options => options.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be positive.")
            .Validate(options => options.RetryBaseDelay > TimeSpan.Zero && options.MaxRetryDelay >= options.RetryBaseDelay,
                "Webhooks:RetryBaseDelay must be positive and at most Webhooks:MaxRetryDelay.")
            .Validate(options => options.RetryFor > TimeSpan.Zero, "Webhooks:RetryFor must be positive.")
            .Validate(options => options.DeliveryTimeout > TimeSpan.Zero, "Webhooks:DeliveryTimeout must be positive.")
            .Validate(options => options.MaxConcurrentDeliveries is >= 1 and <= 1024, "Webhooks:MaxConcurrentDeliveries must be 1 to 1024.")
            .Validate(options => options.MaxConcurrentPerWebhook >= 1 && options.MaxConcurrentPerWebhook <= options.MaxConcurrentDeliveries,
                "Webhooks:MaxConcurrentPerWebhook must be 1 to Webhooks:MaxConcurrentDeliveries.")
            .Validate(options => options.LeaseTime > options.DeliveryTimeout * 2, "Webhooks:LeaseTime must be more than twice Webhooks:DeliveryTimeout.")
            .Validate(options => options.PendingEventGrace > TimeSpan.Zero, "Webhooks:PendingEventGrace must be positive.")
            .Validate(options => options.MaxWebhooks >= 1, "Webhooks:MaxWebhooks must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<PendingEventSweep>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
