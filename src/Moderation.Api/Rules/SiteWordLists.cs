using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Rules;
using Moderation.Toxicity.WordLists;

namespace Moderation.Api.Rules;

/// <summary>This silo's copy of the site's word lists, as a matcher built once per version.</summary>
public sealed class SiteWordLists(WordListRecords records, IOptions<RulesOptions> options, ILogger<SiteWordLists> logger)
    : SiteRule<WordLists, LoadedWordLists>(records, options, logger, "word lists")
{
    /// <summary>The matcher of the newest version this silo has read.</summary>
    public async ValueTask<WordListMatcher> MatcherAsync() => (await CurrentAsync()).Matcher;

    protected override long VersionOf(LoadedWordLists loaded) => loaded.Version;

    protected override async Task<LoadedWordLists> LoadAsync(StoredSiteRule<WordLists> stored)
    {
        var matcher = await Task.Run(() => new WordListMatcher(stored.Rule.Banned, stored.Rule.Suspect));
        logger.LogInformation("Word lists version {Version} in use ({Entries} entries, {Skipped} skipped)", stored.Version, matcher.Count, matcher.Skipped);
        return new LoadedWordLists(stored.Version, matcher);
    }
}

/// <summary>A version of the word lists and the matcher built from it.</summary>
public sealed record LoadedWordLists(long Version, WordListMatcher Matcher);
