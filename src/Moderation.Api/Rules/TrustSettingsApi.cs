using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Trust;
using Moderation.Contracts.Moderators;
using Moderation.Http.Rules;
using Moderation.Redis.Moderators;
using Moderation.Redis.Rules;

namespace Moderation.Api.Rules;

/// <summary>The site's trust settings, editable at run time: stored, audited, and applied on every silo within seconds.</summary>
public static class TrustSettingsApi
{
    /// <summary>The audit action of a trust settings change; <c>fromStatus</c> and <c>toStatus</c> hold the versions.</summary>
    public const string AuditAction = "set-trust";

    private const int MaxCount = 1_000;
    private const int MaxMinutes = 365 * 24 * 60;

    /// <summary>Adds GET and PUT <c>/trust</c> to the rules group.</summary>
    public static RouteGroupBuilder MapTrustSettings(this RouteGroupBuilder rules)
    {
        rules.MapGet("/trust", Read).WithSummary("The site's trust settings in force: the stored ones, or the configuration's until an editor sets them.");
        rules.MapPut("/trust", Replace).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Replace the site's trust settings; every silo applies them within seconds; audited.");
        return rules;
    }

    private static async Task<Ok<TrustSettingsResponse>> Read(TrustRecords records, SiteTrust trust) =>
        TypedResults.Ok(Response(await records.ReadAsync(), trust));

    private static async Task<Results<Ok<TrustSettingsResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        TrustSettingsRequest request, ClaimsPrincipal user, TrustRecords records, SiteTrust trust, AuditStore audit, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        Count(errors, "newReaderComments", request.NewReaderComments);
        Count(errors, "linkApprovedComments", request.LinkApprovedComments);
        Count(errors, "recentRejections", request.RecentRejections);
        Minutes(errors, "rejectionWindowMinutes", request.RejectionWindowMinutes);
        Minutes(errors, "rejectionPremoderationMinutes", request.RejectionPremoderationMinutes);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var settings = new TrustSettings(
            request.NewReaderComments!.Value, request.LinkApprovedComments!.Value, request.RecentRejections!.Value,
            TimeSpan.FromMinutes(request.RejectionWindowMinutes!.Value), TimeSpan.FromMinutes(request.RejectionPremoderationMinutes!.Value));
        var editor = ReaderIdentity.From(user).Id;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var before = await records.ReadAsync();
        var (version, stored) = await records.ReplaceAsync(settings, request.Version, editor, at);
        if (!stored)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Trust settings changed",
                detail: $"The trust settings are at version {version}, not {request.Version}: they changed since they were read. Read them again and reapply your change.");
        }

        var was = trust.Effective(before);
        await audit.AppendAsync(new AuditEntry(
            at, editor, null, null, AuditAction, null,
            $"new-reader {was.NewReaderComments} -> {settings.NewReaderComments}, link {was.LinkApprovedComments} -> {settings.LinkApprovedComments}, " +
            $"recent-rejections {was.RecentRejections} -> {settings.RecentRejections}, window {Minutes(was.RejectionWindow)} -> {Minutes(settings.RejectionWindow)} min, " +
            $"premoderation {Minutes(was.RejectionPremoderation)} -> {Minutes(settings.RejectionPremoderation)} min",
            Version(version - 1), Version(version), null));
        // This silo applies them before answering; the others on the change's message or their next check.
        await trust.RefreshQuietlyAsync();
        return TypedResults.Ok(Response(new StoredSiteRule<TrustSettings?>(version, settings, at, editor), trust));
    }

    private static TrustSettingsResponse Response(StoredSiteRule<TrustSettings?> stored, SiteTrust trust)
    {
        var options = trust.Effective(stored);
        return new TrustSettingsResponse(
            options.NewReaderComments, options.LinkApprovedComments, options.RecentRejections,
            Minutes(options.RejectionWindow), Minutes(options.RejectionPremoderation),
            stored.Rule is null ? "configuration" : "stored", stored.Version, stored.UpdatedAt, stored.UpdatedBy);
    }

    private static void Count(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is not (>= 0 and <= MaxCount))
        {
            errors[field] = [$"{field} is required, 0 (off) to {MaxCount}."];
        }
    }

    private static void Minutes(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is not (>= 0 and <= MaxMinutes))
        {
            errors[field] = [$"{field} is required, 0 to {MaxMinutes} (a year)."];
        }
    }

    private static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes);

    private static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);
}
