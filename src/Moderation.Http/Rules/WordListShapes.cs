namespace Moderation.Http.Rules;

/// <summary>The site's word lists to store, replacing both.</summary>
/// <param name="Banned">Words and phrases that reject a comment at once.</param>
/// <param name="Suspect">Words and phrases that hold a comment for a moderator.</param>
/// <param name="Version">The version these lists were edited from; when given and no longer current, 409 and nothing changes.</param>
public sealed record WordListsRequest(IReadOnlyList<string?>? Banned, IReadOnlyList<string?>? Suspect, long? Version);

/// <summary>The site's word lists as stored.</summary>
/// <param name="Banned">Words and phrases that reject a comment at once.</param>
/// <param name="Suspect">Words and phrases that hold a comment for a moderator.</param>
/// <param name="Version">Grows by one per change; 0 before the first.</param>
/// <param name="UpdatedAt">When they last changed, or null.</param>
/// <param name="UpdatedBy">Who last changed them, or null.</param>
public sealed record WordListsResponse(
    IReadOnlyList<string> Banned, IReadOnlyList<string> Suspect, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);
