using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Rules;
using Spectre.Console;

namespace Moderation.Client.Rules;

/// <summary>The <c>rules trust</c> commands: the site's trust rule settings (moderators and editors).</summary>
public static class TrustCommands
{
    public static Command Create(ClientHost host)
    {
        var trust = new Command("trust", "The site's trust rules: new readers, links, recent rejections (an article's own counts still win)");
        trust.Subcommands.Add(Get(host));
        trust.Subcommands.Add(Set(host));
        return trust;
    }

    private static Command Get(ClientHost host)
    {
        var command = new Command("get", "Show the trust settings in force and where they come from");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            Write(host.Console, await api.GetTrustSettingsAsync(cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Set(ClientHost host)
    {
        var newReader = new Option<int?>("--new-reader-comments") { Description = "A reader's first N comments wait for a moderator (0: off)" };
        var link = new Option<int?>("--link-approved-comments") { Description = "Comments with links wait while the author has fewer than M approved (0: off)" };
        var rejections = new Option<int?>("--recent-rejections") { Description = "K rejections within the window premoderate the reader (0: off)" };
        var window = new Option<int?>("--rejection-window-minutes") { Description = "How close together those rejections must be" };
        var premoderation = new Option<int?>("--rejection-premoderation-minutes") { Description = "How long the reader's comments then wait" };
        var command = new Command("set", "Change the trust settings; a setting not named stays as it is") { newReader, link, rejections, window, premoderation };
        command.Validators.Add(result =>
        {
            if (new Option[] { newReader, link, rejections, window, premoderation }.All(option => result.GetResult(option) is null))
            {
                result.AddError("Name at least one setting to change.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var current = await api.GetTrustSettingsAsync(cancellationToken);
            // The version read goes with the change: a change made meanwhile is refused (409), not overwritten.
            var request = new TrustSettingsRequest(
                parse.GetValue(newReader) ?? current.NewReaderComments,
                parse.GetValue(link) ?? current.LinkApprovedComments,
                parse.GetValue(rejections) ?? current.RecentRejections,
                parse.GetValue(window) ?? current.RejectionWindowMinutes,
                parse.GetValue(premoderation) ?? current.RejectionPremoderationMinutes,
                current.Version);
            Write(host.Console, await api.ReplaceTrustSettingsAsync(request, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static void Write(IAnsiConsole console, TrustSettingsResponse trust)
    {
        var origin = trust.UpdatedAt is { } at
            ? $"version {trust.Version}, changed {at:yyyy-MM-dd HH:mm:ss}Z by {trust.UpdatedBy}"
            : "from the service's configuration";
        console.WriteLine($"Trust settings ({origin}):");
        console.WriteLine($"  new-reader comments held:     {Off(trust.NewReaderComments)}");
        console.WriteLine($"  links held below approved:    {Off(trust.LinkApprovedComments)}");
        console.WriteLine($"  recent rejections:            {Off(trust.RecentRejections)} within {trust.RejectionWindowMinutes} min, then held for {trust.RejectionPremoderationMinutes} min");
    }

    private static string Off(int count) => count == 0 ? "off" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
