using System.CommandLine;
using Moderation.Client.Load;
using Moderation.Client.Operators;
using Moderation.Client.Polls;

namespace Moderation.Client.Http;

/// <summary>Adds the service commands (polls, load, health, token) and their shared <c>--url</c> and <c>--token</c> options to the root.</summary>
public static class ClientCommands
{
    public static void AddTo(RootCommand root, ClientHost host)
    {
        root.Options.Add(ClientOptions.Url);
        root.Options.Add(ClientOptions.Token);
        root.Subcommands.Add(PollsCommands.Create(host));
        root.Subcommands.Add(LoadCommands.Create(host));
        foreach (var command in OperatorCommands.Create(host))
        {
            root.Subcommands.Add(command);
        }
    }
}
