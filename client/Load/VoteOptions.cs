using System.CommandLine;
using System.CommandLine.Parsing;

namespace Moderation.Client.Load;

/// <summary>What <c>load votes</c> votes in and how.</summary>
/// <param name="PollId">An existing poll, or null with <paramref name="CreatePoll"/>.</param>
/// <param name="CreatePoll">Create a fresh poll with <paramref name="Options"/> options on a fresh (or the given) article, as an editor.</param>
/// <param name="Voters">Distinct voters over the run (default: one per reader).</param>
/// <param name="Repeat">How often each voter repeats its vote; each repeat must be <c>unchanged</c>.</param>
/// <param name="Polls">Polls to create and spread the voters over (with <paramref name="CreatePoll"/>).</param>
internal sealed record VoteSettings(string? PollId, bool CreatePoll, int Options, string? ArticleId, int? Voters, int Repeat, int Polls = 1);

internal sealed class VoteOptions
{
    public Option<string?> Poll { get; } = new("--poll") { Description = "The poll to vote in" };

    public Option<bool> CreatePoll { get; } = new("--create-poll") { Description = "Create a fresh poll to vote in (editor: --token, --signing-key or a Development service)" };

    public Option<int> Options { get; } = new("--options")
    {
        Description = "Options of the created poll (2 to 10)",
        DefaultValueFactory = _ => 3,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 2 or > 10) { r.AddError("--options must be 2 to 10."); } } },
    };

    public Option<string?> Article { get; } = new("--article") { Description = "Article of the created poll (default: a fresh one)" };

    public Option<int?> Voters { get; } = new("--voters")
    {
        Description = "Distinct voters over the run (default: one per reader); a reader done with its voter takes the next",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1 or > 1_000_000) { r.AddError("--voters must be 1 to 1000000."); } } },
    };

    public Option<int> Repeat { get; } = new("--repeat")
    {
        Description = "Times each voter repeats its same vote (each must be 'unchanged')",
        DefaultValueFactory = _ => 0,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--repeat must be 0 or more."); } } },
    };

    public Option<int> Polls { get; } = new("--polls")
    {
        Description = "Create this many polls and spread the voters over them (voter i votes in poll i mod n)",
        DefaultValueFactory = _ => 1,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 100_000) { r.AddError("--polls must be 1 to 100000."); } } },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Poll);
        command.Options.Add(CreatePoll);
        command.Options.Add(Options);
        command.Options.Add(Article);
        command.Options.Add(Voters);
        command.Options.Add(Repeat);
        command.Options.Add(Polls);
    }

    public void RequirePoll(CommandResult result)
    {
        var hasPoll = result.GetValue(Poll) is not null;
        var create = result.GetValue(CreatePoll);
        if (hasPoll == create)
        {
            result.AddError("Give either --poll ID or --create-poll.");
        }
    }

    public VoteSettings Read(ParseResult parse) => new(
        parse.GetValue(Poll),
        parse.GetValue(CreatePoll),
        parse.GetValue(Options),
        parse.GetValue(Article),
        parse.GetValue(Voters),
        parse.GetValue(Repeat),
        parse.GetValue(Polls));
}
