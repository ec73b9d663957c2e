using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Model;
using Moderation.Contracts.Moderators;
using Moderation.Http.Rules;
using Moderation.Redis.Moderators;
using Moderation.Redis.Rules;

namespace Moderation.Api.Rules;

/// <summary>The site's own rules beside the model: its banned and suspect word lists.</summary>
public static class RulesApi
{
    /// <summary>The audit action of a word list change; <c>fromStatus</c> and <c>toStatus</c> hold the versions.</summary>
    public const string AuditAction = "set-word-lists";

    public static RouteGroupBuilder MapRules(this IEndpointRouteBuilder routes)
    {
        var bodyLimit = routes.ServiceProvider.GetRequiredService<IOptions<RulesOptions>>().Value.MaxBodyBytes;
        var rules = routes.MapGroup("/api/moderation/rules").WithTags("Rules").RequireAuthorization(Policies.ModeratorOrEditor);
        rules.MapGet("/words", Words).WithSummary("The banned and suspect word lists, with their version.");
        rules.MapPut("/words", ReplaceWords).ProducesProblem(StatusCodes.Status409Conflict).WithMetadata(new RequestBodyLimit(bodyLimit))
            .WithSummary("Replace both word lists; every silo applies them within seconds; audited.");
        rules.MapTrustSettings();
        return rules;
    }

    private static async Task<Ok<WordListsResponse>> Words(WordListRecords records) => TypedResults.Ok(Response(await records.ReadAsync()));

    private static async Task<Results<Ok<WordListsResponse>, ValidationProblem, ProblemHttpResult>> ReplaceWords(
        WordListsRequest request, ClaimsPrincipal user, WordListRecords records, AuditStore audit, SiteWordLists local,
        IOptions<RulesOptions> options, TimeProvider clock)
    {
        var (lists, errors) = WordListValidation.Validate(request, options.Value);
        if (lists is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var editor = ReaderIdentity.From(user).Id;
        // Stored to the millisecond: the answer shows what a later read will.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        StoredSiteRule<WordLists> before;
        long version;
        var stored = false;
        var attempts = 0;
        do
        {
            // Without a version from the editor, replace whatever is there, but name the version read so that the
            // audit record's "before" is the one replaced.
            before = await records.ReadAsync();
            (version, stored) = await records.ReplaceAsync(lists, request.Version ?? before.Version, editor, at);
        }
        while (!stored && request.Version is null && ++attempts < 3);

        if (!stored)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Word lists changed",
                detail: $"The word lists are at version {version}, not {request.Version ?? before.Version}: they changed since they were read. Read them again and reapply your change.");
        }

        await audit.AppendAsync(new AuditEntry(
            at, editor, null, null, AuditAction, null,
            $"banned {before.Rule.Banned.Count} -> {lists.Banned.Count}, suspect {before.Rule.Suspect.Count} -> {lists.Suspect.Count}",
            Version(version - 1), Version(version), null));
        // This silo applies it before answering, so the editor's next post here meets the new lists.
        await local.RefreshQuietlyAsync();
        return TypedResults.Ok(Response(new StoredSiteRule<WordLists>(version, lists, at, editor)));
    }

    private static WordListsResponse Response(StoredSiteRule<WordLists> stored) =>
        new(stored.Rule.Banned, stored.Rule.Suspect, stored.Version, stored.UpdatedAt, stored.UpdatedBy);

    private static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);
}
