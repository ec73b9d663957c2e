namespace Moderation.Redis.Rules;

/// <summary>A site rule as stored: version 0 and the rule's "never set" value until the first change.</summary>
public sealed record StoredSiteRule<T>(long Version, T Rule, DateTimeOffset? UpdatedAt, string? UpdatedBy);
