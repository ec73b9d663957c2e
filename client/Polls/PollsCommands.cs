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
        polls.Subcommands.Add(SchedulePoll(host));
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
            Description = "An answer (repeat 2 to 10 times, in display order; none for a scale)",
            Arity = ArgumentArity.OneOrMore,
        };
        var closesAt = new Option<DateTimeOffset?>("--closes-at") { Description = "When voting ends (ISO-8601); default: when an editor closes it" };
        var opensAt = new Option<DateTimeOffset?>("--opens-at") { Description = "When voting starts (ISO-8601); default: at once" };
        var anonymous = new Option<bool>("--allow-anonymous") { Description = "Accept votes from anonymous voter tokens" };
        var change = new Option<bool>("--allow-vote-change") { Description = "Let readers move their vote to another option" };
        var kind = new Option<string>("--kind") { Description = "single (default), multiple or scale" };
        kind.AcceptOnlyFromAmong("single", "multiple", "scale");
        var maxChoices = new Option<int?>("--max-choices") { Description = "For multiple: the most options a reader may choose (default: all)" };
        var scaleMin = new Option<int?>("--scale-min") { Description = "For scale: the lowest value" };
        var scaleMax = new Option<int?>("--scale-max") { Description = "For scale: the highest value" };
        var minLabel = new Option<string>("--min-label") { Description = "For scale: what the lowest value means" };
        var maxLabel = new Option<string>("--max-label") { Description = "For scale: what the highest value means" };
        var visibility = new Option<string>("--visibility") { Description = "When readers see results: always (default), after-vote or after-close" };
        visibility.AcceptOnlyFromAmong("always", "after-vote", "after-close");

        var command = new Command("create", "Create a poll on an article (editor)")
        {
            articleId, question, options, closesAt, opensAt, anonymous, change, kind, maxChoices, scaleMin, scaleMax, minLabel, maxLabel, visibility,
        };
        command.Validators.Add(result =>
        {
            // The kind as typed: converting a value AcceptOnlyFromAmong refused throws rather than reporting it.
            var kindTyped = result.GetResult(kind)?.Tokens.FirstOrDefault()?.Value;
            if (kindTyped != "scale" && result.GetValue(options) is not { Length: > 0 })
            {
                result.AddError("Option '--option' is required (2 to 10 answers), except for --kind scale.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var isScale = parse.GetValue(kind) == "scale";
            var request = new CreatePollRequest(
                parse.GetValue(question)!, parse.GetValue(options) ?? [], parse.GetValue(closesAt), parse.GetValue(anonymous), parse.GetValue(change),
                parse.GetValue(kind), parse.GetValue(maxChoices),
                isScale ? new PollScaleShape(parse.GetValue(scaleMin), parse.GetValue(scaleMax), parse.GetValue(minLabel), parse.GetValue(maxLabel)) : null,
                parse.GetValue(visibility), parse.GetValue(opensAt));
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

    private static Command SchedulePoll(ClientHost host)
    {
        var pollId = PollIdArgument();
        var opensAt = new Option<DateTimeOffset?>("--opens-at") { Description = "When a poll not open yet opens (ISO-8601)" };
        var opensNow = new Option<bool>("--open-now") { Description = "Open a poll not open yet now" };
        var closesAt = new Option<DateTimeOffset?>("--closes-at") { Description = "When the poll closes by itself (ISO-8601)" };
        var neverCloses = new Option<bool>("--never-closes") { Description = "Close only when an editor closes it" };
        var command = new Command("schedule", "Move when a poll opens or closes (editor); a time not named stays")
        {
            pollId, opensAt, opensNow, closesAt, neverCloses,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(opensAt) is not null && result.GetValue(opensNow))
            {
                result.AddError("Give --opens-at or --open-now, not both.");
            }

            if (result.GetValue(closesAt) is not null && result.GetValue(neverCloses))
            {
                result.AddError("Give --closes-at or --never-closes, not both.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var times = new Dictionary<string, DateTimeOffset?>();
            if (parse.GetValue(opensAt) is not null || parse.GetValue(opensNow))
            {
                times["opensAt"] = parse.GetValue(opensAt);
            }

            if (parse.GetValue(closesAt) is not null || parse.GetValue(neverCloses))
            {
                times["closesAt"] = parse.GetValue(closesAt);
            }

            var api = host.CreateApi(parse);
            using var http = api.Http;
            WritePoll(host, await api.SchedulePollAsync(parse.GetValue(pollId)!, times, cancellationToken));
            return 0;
        }));
        return command;
    }

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
        var choices = new Argument<string[]>("choice")
        {
            Description = "An option's id, text or number (1 for the first); several for a multiple-choice poll; the value on a scale",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("vote", "Vote in a poll (reader)") { pollId, choices };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var poll = await api.GetPollAsync(parse.GetValue(pollId)!, cancellationToken);
            var (request, text) = Ballot(poll, parse.GetValue(choices)!);
            var vote = await api.VoteAsync(poll.Id, request, cancellationToken);
            host.Console.MarkupLineInterpolated($"Vote for [bold]{text}[/] in {poll.Id}: [green]{vote.Outcome}[/]");
            return 0;
        }));
        return command;
    }

    /// <summary>The vote request for the poll's kind, and what it says in words.</summary>
    internal static (VoteRequest Request, string Text) Ballot(PollResponse poll, IReadOnlyList<string> choices)
    {
        switch (poll.Kind)
        {
            case "scale":
                if (choices.Count != 1 || !int.TryParse(choices[0], out var value))
                {
                    throw new UsageException($"Poll {poll.Id} is a scale: vote one whole number from {poll.Scale?.Min} to {poll.Scale?.Max}.");
                }

                return (new VoteRequest(null, Value: value), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case "multiple":
                var options = choices.Select(choice => ResolveOption(poll, choice)).ToArray();
                return (new VoteRequest(null, [.. options.Select(option => option.Id)]), string.Join(", ", options.Select(option => option.Text)));
            default:
                if (choices.Count != 1)
                {
                    throw new UsageException($"Poll {poll.Id} takes one option.");
                }

                var chosen = ResolveOption(poll, choices[0]);
                return (new VoteRequest(chosen.Id), chosen.Text);
        }
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
        var opens = poll.OpensAt is { } opening ? $"; opens {opening:u}" : "";
        var kind = poll.Kind == "multiple" ? $"multiple (up to {poll.MaxChoices})" : poll.Kind;
        host.Console.MarkupLineInterpolated($"  kind: {kind}; results: {poll.ResultsVisibility}{opens}");
        if (poll.Scale is { } scale)
        {
            host.Console.MarkupLineInterpolated($"  scale: {scale.Min} ({scale.MinLabel}) to {scale.Max} ({scale.MaxLabel})");
            return;
        }

        var table = new Table().AddColumns("#", "Option id", "Text");
        for (var index = 0; index < poll.Options.Count; index++)
        {
            table.AddRow(new Text((index + 1).ToString()), new Text(poll.Options[index].Id), new Text(poll.Options[index].Text));
        }

        host.Console.Write(table);
    }
}
