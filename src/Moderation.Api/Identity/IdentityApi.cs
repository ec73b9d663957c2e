using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Capacity;
using Moderation.Api.RateLimits;
using Moderation.Http.Identity;

namespace Moderation.Api.Identity;

public static class IdentityApi
{
    public static void MapIdentity(this IEndpointRouteBuilder routes, IHostEnvironment environment)
    {
        routes.MapPost("/api/readers/anonymous", IssueAnonymous).WriteLimited(WriteKind.AnonymousToken)
            .WithTags("Identity")
            .WithSummary("A token with a fresh random subject and role anonymous, good only for polls that allow anonymous votes.");

        if (environment.IsDevelopment())
        {
            routes.MapPost("/api/dev/tokens", IssueDevelopmentToken)
                .WithTags("Identity")
                .WithSummary("Development only: a token for any subject and roles.")
                .StoresNothing();
        }
    }

    private static Ok<TokenResponse> IssueAnonymous(TokenIssuer issuer, IOptions<AuthOptions> options)
    {
        var subject = "anon-" + Guid.NewGuid().ToString("N");
        return TypedResults.Ok(new TokenResponse(issuer.Issue(subject, null, [Roles.Anonymous], options.Value.AnonymousTokenLifetime)));
    }

    private static Results<Ok<TokenResponse>, ValidationProblem> IssueDevelopmentToken(
        DevTokenRequest request, TokenIssuer issuer, IOptions<AuthOptions> options)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 128)
        {
            errors["subject"] = ["The subject is required and at most 128 characters."];
        }

        var roles = request.Roles ?? [];
        var unknown = roles.Where(role => !Roles.Grantable.Contains(role)).ToArray();
        if (unknown.Length > 0)
        {
            errors["roles"] = [$"Unknown roles: {string.Join(", ", unknown)}. Use moderator, editor or admin."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var token = issuer.Issue(request.Subject!, request.Name, roles, options.Value.DevTokenLifetime);
        return TypedResults.Ok(new TokenResponse(token));
    }
}
