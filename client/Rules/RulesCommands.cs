using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Rules;
using Spectre.Console;

namespace Moderation.Client.Rules;

/// <summary>The <c>rules</c> command group: the site's banned and suspect word lists and trust settings (moderators and editors).</summary>
public static class RulesCommands
{
    public static Command Create(ClientHost host)
    {
        var words = new Command("words", "The banned and suspect word lists: words and phrases matched after the filter's normalisation");
        words.Subcommands.Add(Get(host));
        words.Subcommands.Add(Set(host));
        var rules = new Command("rules", "The site's own rules beside the model");
        rules.Subcommands.Add(words);
        rules.Subcommands.Add(TrustCommands.Create(host));
        return rules;
    }

    private static Option<FileInfo> BannedFile(string description) => new("--banned-file") { Description = description };

    private static Option<FileInfo> SuspectFile(string description) => new("--suspect-file") { Description = description };

    private static Command Get(ClientHost host)
    {
        var banned = BannedFile("Write the banned list to this file, one entry a line, instead of printing it");
        var suspect = SuspectFile("Write the suspect list to this file, one entry a line, instead of printing it");
        var command = new Command("get", "Show the word lists and their version") { banned, suspect };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var lists = await api.GetWordListsAsync(cancellationToken);
            WriteSummary(host.Console, lists);
            await ShowOrWriteAsync(host.Console, "banned", lists.Banned, parse.GetValue(banned), cancellationToken);
            await ShowOrWriteAsync(host.Console, "suspect", lists.Suspect, parse.GetValue(suspect), cancellationToken);
            return 0;
        }));
        return command;
    }

    private static Command Set(ClientHost host)
    {
        var banned = BannedFile("The new banned list: one word or phrase a line; blank lines and lines starting with # are skipped");
        var suspect = SuspectFile("The new suspect list, in the same form");
        var command = new Command("set", "Replace one or both word lists from files; a list not named stays as it is") { banned, suspect };
        command.Validators.Add(result =>
        {
            if (result.GetResult(banned) is null && result.GetResult(suspect) is null)
            {
                result.AddError("Name --banned-file, --suspect-file or both.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var bannedFile = parse.GetValue(banned);
            var suspectFile = parse.GetValue(suspect);
            var current = await api.GetWordListsAsync(cancellationToken);
            // The version read goes with the change: if someone changed the lists meanwhile, the service refuses (409)
            // instead of overwriting the list this command kept.
            var request = new WordListsRequest(
                bannedFile is null ? [.. current.Banned] : await ReadEntriesAsync(bannedFile, cancellationToken),
                suspectFile is null ? [.. current.Suspect] : await ReadEntriesAsync(suspectFile, cancellationToken),
                current.Version);
            var stored = await api.ReplaceWordListsAsync(request, cancellationToken);
            WriteSummary(host.Console, stored);
            return 0;
        }));
        return command;
    }

    private static async Task<List<string?>> ReadEntriesAsync(FileInfo file, CancellationToken cancellationToken) =>
        [.. (await File.ReadAllLinesAsync(file.FullName, cancellationToken))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];

    private static void WriteSummary(IAnsiConsole console, WordListsResponse lists)
    {
        var updated = lists.UpdatedAt is { } at ? $", changed {at:yyyy-MM-dd HH:mm:ss}Z by {lists.UpdatedBy}" : ", never changed";
        console.WriteLine($"Word lists version {lists.Version}{updated}: {lists.Banned.Count} banned, {lists.Suspect.Count} suspect.");
    }

    private static async Task ShowOrWriteAsync(IAnsiConsole console, string name, IReadOnlyList<string> entries, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            await File.WriteAllLinesAsync(file.FullName, entries, cancellationToken);
            console.WriteLine($"Wrote the {name} list to {file.FullName}.");
            return;
        }

        console.WriteLine($"{name}:");
        foreach (var entry in entries)
        {
            console.WriteLine($"  {entry}");
        }
    }
}
