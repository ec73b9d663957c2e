using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Moderation.Api.Readers;

namespace Moderation.Api.Auth;

public static class AuthenticationSetup
{
    /// <summary>JWT bearer (HS256 only, issuer, audience and lifetime checked) plus the role policies.</summary>
    public static void AddModerationAuth(this WebApplicationBuilder builder, string dataDirectory)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKeys.Resolve(options, builder.Environment, dataDirectory);

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddSingleton(key);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            // Nothing reads the token back from the authentication properties; saving it costs every request.
            jwt.SaveToken = false;
            jwt.Events = new JwtBearerEvents { OnMessageReceived = QueryTokenForEventSource };
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = ClaimNames.Name,
                RoleClaimType = ClaimNames.Role,
            };
        });
        builder.Services.AddAuthorization(Policies.Add).MakeAuthorizationServicesSingletons();

        // These log the whole URL with its query string, where a reader's event stream may carry its token.
        foreach (var category in UrlLoggingCategories)
        {
            builder.Logging.AddFilter(category, level => level >= LogLevel.Warning);
        }
    }

    /// <summary>The categories whose Information and Debug lines name the whole URL: "Request starting GET /path?query".</summary>
    public static readonly IReadOnlyList<string> UrlLoggingCategories = ["Microsoft.AspNetCore.Hosting.Diagnostics"];

    /// <summary>A browser's EventSource cannot send headers: on the reader's event stream only, the token may come as <c>access_token</c>.</summary>
    private static Task QueryTokenForEventSource(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Path.Equals(ReaderEventsApi.Path, StringComparison.Ordinal) && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Query.TryGetValue("access_token", out var token))
        {
            context.Token = token.ToString();
        }

        return Task.CompletedTask;
    }
}
