using System.CommandLine;
using Moderation.Client.Articles;
using Moderation.Client.Comments;
using Moderation.Client.Export;
using Moderation.Client.Import;
using Moderation.Client.Load;
using Moderation.Client.Model;
using Moderation.Client.Moderators;
using Moderation.Client.Operators;
using Moderation.Client.Polls;
using Moderation.Client.Readers;
using Moderation.Client.Rules;
using Moderation.Client.Webhooks;

namespace Moderation.Client.Http;

/// <summary>Adds every command, by role, and the shared <c>--url</c> and <c>--token</c> options to the root.</summary>
public static class ClientCommands
{
    public static void AddTo(RootCommand root, ClientHost host)
    {
        root.Options.Add(ClientOptions.Url);
        root.Options.Add(ClientOptions.Token);
        root.Subcommands.Add(PollsCommands.Create(host));
        root.Subcommands.Add(CommentsCommands.Create(host));
        root.Subcommands.Add(ReadersCommands.Create(host));
        root.Subcommands.Add(ArticlesCommands.Create(host));
        root.Subcommands.Add(ModerateCommands.Create(host));
        root.Subcommands.Add(RulesCommands.Create(host));
        root.Subcommands.Add(WebhooksCommands.Create(host));
        root.Subcommands.Add(ModelCommands.Create(host));
        root.Subcommands.Add(LoadCommands.Create(host));
        root.Subcommands.Add(ImportCommands.Create(host));
        root.Subcommands.Add(ExportCommand.Create(host));
        foreach (var command in OperatorCommands.Create(host))
        {
            root.Subcommands.Add(command);
        }
    }
}
