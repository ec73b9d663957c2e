using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Articles;
using Moderation.Api.Auth;
using Moderation.Api.Capacity;
using Moderation.Api.Comments;
using Moderation.Api.Cors;
using Moderation.Api.Health;
using Moderation.Api.Exports;
using Moderation.Api.Identity;
using Moderation.Api.Imports;
using Moderation.Api.Model;
using Moderation.Api.ModerationStream;
using Moderation.Api.Moderators;
using Moderation.Api.Polls;
using Moderation.Api.Problems;
using Moderation.Api.Readers;
using Moderation.Api.RateLimits;
using Moderation.Api.Rules;
using Moderation.Api.Telemetry;
using Moderation.Api.Toxicity;
using Moderation.Api.Webhooks;

namespace Moderation.Api;

public static class ModerationApi
{
    /// <summary>Auth, problem details, OpenAPI and health checks of the HTTP API.</summary>
    public static WebApplicationBuilder AddModerationApi(this WebApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.AddModerationProblems();
        builder.Services.AddApiCors();
        builder.Services.AddRateLimits();
        builder.AddModerationAuth(dataDirectory);
        builder.Services.AddPolls();
        builder.Services.AddComments();
        builder.Services.AddRules();
        builder.Services.AddModerationStream();
        builder.Services.AddWebhooks();
        builder.Services.AddReaderEvents();
        builder.Services.AddSingleton<IFeedbackStore, FeedbackStore>();
        builder.Services.AddModelLearning(dataDirectory);
        builder.Services.AddToxicity();
        builder.Services.AddImports();
        builder.Services.AddExport();
        builder.Services.AddModerationMetrics();
        builder.Services.AddOpenApi(OpenApiSetup.Configure);
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthApi.ReadyTag])
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag])
            .AddCheck<StoreCapacityHealthCheck>("store-capacity", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    public static WebApplication MapModerationApi(this WebApplication app)
    {
        app.UseClientAddresses();
        app.UseModerationProblems();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<StoreFullGate>();

        app.MapHealth();
        app.MapOpenApi();
        app.MapIdentity(app.Environment);
        app.MapArticles();
        app.MapPolls();
        app.MapComments();
        app.MapReactions();
        app.MapCommentEdits();
        app.MapModeration();
        app.MapRules();
        app.MapModerationStream();
        app.MapWebhooks();
        app.MapFeatured();
        app.MapAuthorHistory();
        app.MapReaderComments();
        app.MapReaderRights();
        app.MapReaderEvents();
        app.MapToxicity();
        app.MapModelLearning();
        app.MapImports();
        app.MapExport();
        return app;
    }
}
