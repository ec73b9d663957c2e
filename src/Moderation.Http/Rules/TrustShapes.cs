namespace Moderation.Http.Rules;

/// <summary>The site's trust settings to store, replacing the configuration's; an article's own counts still win on it.</summary>
/// <param name="NewReaderComments">A reader's first this many comments wait for a moderator (reason new-reader); 0 turns it off.</param>
/// <param name="LinkApprovedComments">A comment with a link waits (reason link) while its author has fewer approved comments; 0 turns it off.</param>
/// <param name="RecentRejections">This many rejections within the window premoderate the reader (reason recent-rejections); 0 turns it off.</param>
/// <param name="RejectionWindowMinutes">How close together, in minutes, the rejections that count must be.</param>
/// <param name="RejectionPremoderationMinutes">How long, in minutes, the reader's comments then wait.</param>
/// <param name="Version">The version these settings were edited from; when given and no longer current, 409 and nothing changes.</param>
public sealed record TrustSettingsRequest(
    int? NewReaderComments, int? LinkApprovedComments, int? RecentRejections, int? RejectionWindowMinutes, int? RejectionPremoderationMinutes, long? Version);

/// <summary>The site's trust settings in force.</summary>
/// <param name="NewReaderComments">A reader's first this many comments wait for a moderator; 0: off.</param>
/// <param name="LinkApprovedComments">Comments with links wait while the author has fewer approved comments; 0: off.</param>
/// <param name="RecentRejections">This many rejections within the window premoderate the reader; 0: off.</param>
/// <param name="RejectionWindowMinutes">How close together the rejections that count must be, in minutes.</param>
/// <param name="RejectionPremoderationMinutes">How long the reader's comments then wait, in minutes.</param>
/// <param name="Source">"configuration" until an editor stores settings, then "stored".</param>
/// <param name="Version">Grows by one per change; 0 before the first.</param>
/// <param name="UpdatedAt">When they last changed, or null.</param>
/// <param name="UpdatedBy">Who last changed them, or null.</param>
public sealed record TrustSettingsResponse(
    int NewReaderComments, int LinkApprovedComments, int RecentRejections, int RejectionWindowMinutes, int RejectionPremoderationMinutes,
    string Source, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);
