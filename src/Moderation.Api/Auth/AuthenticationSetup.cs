using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

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
        builder.Services.AddAuthorization(Policies.Add);
    }
}
