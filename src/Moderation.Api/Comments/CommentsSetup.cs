using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentsOptions>().BindConfiguration(CommentsOptions.Section)
            .Validate(options => options.PostInterval >= TimeSpan.Zero, "Comments:PostInterval must not be negative.")
            .Validate(options => options.ReportThreshold >= 1, "Comments:ReportThreshold must be at least 1.")
            .Validate(options => options.KeepAliveInterval > TimeSpan.Zero, "Comments:KeepAliveInterval must be positive.")
            .ValidateOnStart();
                services.AddSingleton<PostRateLimiter>();
        services.AddSingleton<CommentGate>();
        services.AddSingleton<ArticleEventsHub>();
        return services;
    }
}
