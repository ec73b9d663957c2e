using Moderation.Http.Rules;
using Moderation.Redis.Rules;
using Moderation.Toxicity.WordLists;

namespace Moderation.Api.Rules;

/// <summary>
/// The rules for a word list change: both lists present, within the limits, every entry 1 to
/// <see cref="WordListEntries.MaxWords"/> words once normalised, and no entry in both lists. Entries are trimmed, and
/// one that normalises like an earlier entry of the same list is dropped (so "idiot" and "1d10t" are stored once).
/// </summary>
public static class WordListValidation
{
    public static (WordLists? Lists, Dictionary<string, string[]> Errors) Validate(WordListsRequest request, RulesOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        var banned = Clean("banned", request.Banned, limits, errors);
        var suspect = Clean("suspect", request.Suspect, limits, errors);
        if (request.Version is < 0)
        {
            errors["version"] = ["The version is the one you read: 0 or more."];
        }

        if (banned is not null && suspect is not null)
        {
            var bannedKeys = banned.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
            var both = suspect.Where(entry => bannedKeys.Contains(entry.Key)).Select(entry => entry.Text).Take(5).ToArray();
            if (both.Length > 0)
            {
                errors["suspect"] = [$"An entry is banned or suspect, not both: {string.Join(", ", both.Select(Quote))}."];
            }
        }

        return errors.Count > 0 || banned is null || suspect is null
            ? (null, errors)
            : (new WordLists([.. banned.Select(entry => entry.Text)], [.. suspect.Select(entry => entry.Text)]), errors);
    }

    private static List<(string Text, string Key)>? Clean(string field, IReadOnlyList<string?>? entries, RulesOptions limits, Dictionary<string, string[]> errors)
    {
        if (entries is null)
        {
            errors[field] = [$"The {field} list is required (an empty list clears it)."];
            return null;
        }

        if (entries.Count > limits.MaxEntries)
        {
            errors[field] = [$"The {field} list has {entries.Count} entries; at most {limits.MaxEntries}."];
            return null;
        }

        var problems = new List<string>();
        var cleaned = new List<(string Text, string Key)>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count && problems.Count < 10; index++)
        {
            var text = entries[index]?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > limits.MaxEntryLength || text.Any(char.IsControl))
            {
                problems.Add($"Entry {index} is not 1 to {limits.MaxEntryLength} characters without control characters.");
                continue;
            }

            var words = WordListEntries.Words(text);
            if (words.Count is 0 or > WordListEntries.MaxWords)
            {
                problems.Add($"Entry {index} ({Quote(text)}) is not 1 to {WordListEntries.MaxWords} words of letters or digits.");
                continue;
            }

            var key = string.Join(' ', words);
            if (seen.Add(key))
            {
                cleaned.Add((text, key));
            }
        }

        if (problems.Count > 0)
        {
            errors[field] = [.. problems];
            return null;
        }

        return cleaned;
    }

    private static string Quote(string text) => $"'{text}'";
}
