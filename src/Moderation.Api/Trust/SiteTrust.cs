using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Api.Rules;
using Moderation.Redis.Rules;

namespace Moderation.Api.Trust;

/// <summary>This silo's trust settings: the stored ones once an editor set them, the configuration's until then.</summary>
public sealed class SiteTrust(
    TrustRecords records, IOptionsMonitor<TrustOptions> configured, IOptions<RulesOptions> rules, ILogger<SiteTrust> logger)
    : SiteRule<TrustSettings?, StoredSiteRule<TrustSettings?>>(records, rules, logger, "trust settings")
{
    /// <summary>The site-wide settings in force on this silo.</summary>
    public async ValueTask<TrustOptions> OptionsAsync() => Effective(await CurrentAsync());

    /// <summary>The settings in force when <paramref name="stored"/> is what Redis holds.</summary>
    public TrustOptions Effective(StoredSiteRule<TrustSettings?> stored) => stored.Rule is { } settings
        ? new TrustOptions
        {
            NewReaderComments = settings.NewReaderComments,
            LinkApprovedComments = settings.LinkApprovedComments,
            RecentRejections = settings.RecentRejections,
            RejectionWindow = settings.RejectionWindow,
            RejectionPremoderation = settings.RejectionPremoderation,
        }
        : configured.CurrentValue;

    protected override long VersionOf(StoredSiteRule<TrustSettings?> loaded) => loaded.Version;

    protected override Task<StoredSiteRule<TrustSettings?>> LoadAsync(StoredSiteRule<TrustSettings?> stored)
    {
        logger.LogInformation("Trust settings version {Version} in use", stored.Version);
        return Task.FromResult(stored);
    }
}
