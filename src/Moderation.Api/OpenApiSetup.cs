using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Moderation.Api;

internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "Moderation",
            Version = "v1",
            Description = "Reader comments, moderation and live polls for news sites.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "HS256 token signed with Auth:SigningKey; claims sub, name, role.",
        };
        return Task.CompletedTask;
    });
}
