using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Trust;

namespace Moderation.Api.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentsOptions>().BindConfiguration(CommentsOptions.Section)
            .Validate(options => options.PostInterval >= TimeSpan.Zero, "Comments:PostInterval must not be negative.")
            .Validate(options => options.ReportThreshold >= 1, "Comments:ReportThreshold must be at least 1.")
            .Validate(options => options.KeepAliveInterval > TimeSpan.Zero, "Comments:KeepAliveInterval must be positive.")
            .Validate(options => options.RejectedTextRetention is null || options.RejectedTextRetention > TimeSpan.Zero, "Comments:RejectedTextRetention must be positive.")
            .Validate(options => options.RejectedTextSweepInterval > TimeSpan.Zero, "Comments:RejectedTextSweepInterval must be positive.")
            .Validate(options => options.EditWindow >= TimeSpan.Zero, "Comments:EditWindow must not be negative.")
            .ValidateOnStart();
        services.AddOptions<TrustOptions>().BindConfiguration(TrustOptions.Section)
            .Validate(options => options is { NewReaderComments: >= 0, LinkApprovedComments: >= 0, RecentRejections: >= 0 }, "Trust:* counts must not be negative.")
            .Validate(options => options.RejectionWindow >= TimeSpan.Zero && options.RejectionPremoderation >= TimeSpan.Zero, "Trust:* times must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<PostRateLimiter>();
        services.AddSingleton<CommentGate>();
        services.AddSingleton<CommentEditor>();
        services.AddSingleton<ArticleEventsHub>();
        services.AddHostedService<RejectedTextSweeper>();
        return services;
    }
}
