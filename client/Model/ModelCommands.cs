using System.CommandLine;
using Moderation.Client.Http;

namespace Moderation.Client.Model;

/// <summary>The <c>model</c> command group: the service's model (info, score) and local training, evaluation and comparison.</summary>
public static class ModelCommands
{
    public static Command Create(ClientHost host)
    {
        var model = new Command("model", "Show and try the service's toxicity model; train, evaluate and compare models locally");
        model.Subcommands.Add(ModelInfoCommand.Create(host));
        model.Subcommands.Add(ModelScoreCommand.Create(host));
        model.Subcommands.Add(TrainCommand.Create(host));
        model.Subcommands.Add(EvaluateCommand.Create(host));
        model.Subcommands.Add(ExperimentCommand.Create(host));
        return model;
    }
}
