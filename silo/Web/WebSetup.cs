using Moderation.Api.Health;

namespace Moderation.Silo.Web;

/// <summary>The service's own front end: static pages and widgets from wwwroot, their security headers, the demo.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddModerationWeb(this WebApplicationBuilder builder)
    {
        // Serve wwwroot from the project in any environment when run from a build, as in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section)
            .Validate(options => WebOptions.IsValidSourceList(options.FrameAncestors),
                "Web:FrameAncestors is a space-separated list of CSP sources, without ';' or ','.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DemoSeeding>();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DemoSeedingHealthCheck>("demo", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    public static WebApplication UseModerationWeb(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PagePaths>();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Widgets are embedded on news sites: revalidate so that a new release reaches readers at once.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
