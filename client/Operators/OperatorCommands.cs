using System.CommandLine;
using Moderation.Client.Http;

namespace Moderation.Client.Operators;

/// <summary>Operators' top-level commands: <c>health</c> and <c>token</c>.</summary>
public static class OperatorCommands
{
    public static IReadOnlyList<Command> Create(ClientHost host) => [HealthCommand.Create(host), TokenCommand.Create(host)];
}
