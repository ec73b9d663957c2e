using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Polls;
using Spectre.Console;

namespace Moderation.Client.Polls;

/// <summary>The <c>polls</c> command group: editors create and close polls, readers vote, anyone reads and watches results.</summary>
public static class PollsCommands
{
    public static Command Create(ClientHost host)
    {
        var polls = new Command("polls", "Create, close, vote in and watch live polls; their timeline and export for editors");
        polls.Subcommands.Add(CreatePoll(host));
        polls.Subcommands.Add(ShowPoll(host));
        polls.Subcommands.Add(ClosePoll(host));
        polls.Subcommands.Add(Vote(host));
        polls.Subcommands.Add(Results(host));
        polls.Subcommands.Add(WatchCommand.Create(host));
        polls.Subcommands.Add(AnalyticsCommands.Timeline(host));
        polls.Subcommands.Add(AnalyticsCommands.Export(host));
        return polls;
    }

    internal static Argument<string> PollIdArgument() => new("pollId") { Description = "The poll's id" };

    private static Command CreatePoll(ClientHost host)
    {
        var articleId = new Argument<string>("articleId") { Description = "The news site's article id" };
        var question = new Option<string>("--question", "-q") { Description = "The question (1 to 300 characters)", Required = true };
        var options = new Option<string[]>("--option", "-o")
        {
            Description = "An answer (repeat 2 to 10 times, in display order)",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var closesAt = new Option<DateTimeOffset?>("--closes-at") { Description = "When voting ends (ISO-8601); default: when an editor closes it" };
        var anonymous = new Option<bool>("--allow-anonymous") { Description = "Accept votes from anonymous voter tokens" };
        var change = new Option<bool>("--allow-vote-change") { Description = "Let readers move their vote to another option" };

        var command = new Command("create", "Create a poll on an article (editor)") { articleId, question, options, closesAt, anonymous, change };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var request = new CreatePollRequest(
                parse.GetValue(question)!, parse.GetValue(options)!, parse.GetValue(closesAt), parse.GetValue(anonymous), parse.GetValue(change));
            var poll = await api.CreatePollAsync(parse.GetValue(articleId)!, request, cancellationToken);
            WritePoll(host, poll);
            return 0;
        }));
        return command;
    }

    private static Command ShowPoll(ClientHost host) =>
        PollAction(host, "show", "Show a poll's question, options and status", (api, pollId, ct) => api.GetPollAsync(pollId, ct));

    private static Command ClosePoll(ClientHost host) =>
        PollAction(host, "close", "Close a poll to further votes (editor)", (api, pollId, ct) => api.ClosePollAsync(pollId, ct));

    /// <summary>A command that takes a poll id, makes one call that answers the poll, and shows it.</summary>
    private static Command PollAction(
        ClientHost host, string name, string description, Func<ModerationApi, string, CancellationToken, Task<PollResponse>> call)
    {
        var pollId = PollIdArgument();
        var command = new Command(name, description) { pollId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            WritePoll(host, await call(api, parse.GetValue(pollId)!, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Vote(ClientHost host)
    {
        var pollId = PollIdArgument();
        var option = new Argument<string>("option") { Description = "The option's id, its text, or its number (1 for the first)" };
        var command = new Command("vote", "Vote in a poll (reader)") { pollId, option };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var poll = await api.GetPollAsync(parse.GetValue(pollId)!, cancellationToken);
            var chosen = ResolveOption(poll, parse.GetValue(option)!);
            var vote = await api.VoteAsync(poll.Id, chosen.Id, cancellationToken);
            host.Console.MarkupLineInterpolated($"Vote for [bold]{chosen.Text}[/] in {poll.Id}: [green]{vote.Outcome}[/]");
            return 0;
        }));
        return command;
    }

    private static Command Results(ClientHost host)
    {
        var pollId = PollIdArgument();
        var command = new Command("results", "Show a poll's current results as bars") { pollId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var poll = await api.GetPollAsync(parse.GetValue(pollId)!, cancellationToken);
            var results = await api.GetResultsAsync(poll.Id, cancellationToken);
            host.Console.Write(PollBars.Render(poll, results, host.Console.Profile.Width));
            host.Console.WriteLine(PollBars.Line(poll, results));
            return 0;
        }));
        return command;
    }

    /// <summary>Finds an option by id, then by text (ignoring case), then by its 1-based number.</summary>
    internal static PollOptionResponse ResolveOption(PollResponse poll, string option)
    {
        var match = poll.Options.FirstOrDefault(o => o.Id == option)
            ?? poll.Options.FirstOrDefault(o => string.Equals(o.Text, option, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(option, out var number) && number >= 1 && number <= poll.Options.Count ? poll.Options[number - 1] : null);
        return match ?? throw new UsageException(
            $"Poll {poll.Id} has no option '{option}'. Its options: " + string.Join(", ", poll.Options.Select((o, i) => $"{i + 1} = {o.Text} ({o.Id})")));
    }

    private static void WritePoll(ClientHost host, PollResponse poll)
    {
        host.Console.MarkupLineInterpolated($"Poll [bold]{poll.Id}[/] on article {poll.ArticleId}: {poll.Question}");
        var closes = poll.ClosesAt is { } at ? at.ToString("u") : "when closed";
        host.Console.MarkupLineInterpolated(
            $"  {poll.Status}; closes {closes}; anonymous votes: {(poll.AllowAnonymous ? "yes" : "no")}; vote change: {(poll.AllowVoteChange ? "yes" : "no")}");
        var table = new Table().AddColumns("#", "Option id", "Text");
        for (var index = 0; index < poll.Options.Count; index++)
        {
            table.AddRow(new Text((index + 1).ToString()), new Text(poll.Options[index].Id), new Text(poll.Options[index].Text));
        }

        host.Console.Write(table);
    }
}
