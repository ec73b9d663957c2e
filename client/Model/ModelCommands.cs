using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Client.Model.Simulation;

namespace Moderation.Client.Model;

/// <summary>The <c>model</c> command group: the service's model (info, score) and local training, evaluation and comparison.</summary>
public static class ModelCommands
{
    public static Command Create(ClientHost host)
    {
        var model = new Command("model", "Show and try the service's toxicity model, feed it labels, retrain and roll back; train, evaluate and compare models locally");
        model.Subcommands.Add(ModelInfoCommand.Create(host));
        model.Subcommands.Add(ModelScoreCommand.Create(host));
        model.Subcommands.Add(ImportCommand.Create(host));
        model.Subcommands.Add(LabelsCommand.Create(host));
        model.Subcommands.Add(RetrainCommand.Create(host));
        model.Subcommands.Add(VersionsCommand.CreateList(host));
        model.Subcommands.Add(VersionsCommand.CreatePromote(host));
        model.Subcommands.Add(SimulateCommand.Create(host));
        model.Subcommands.Add(TrainCommand.Create(host));
        model.Subcommands.Add(EvaluateCommand.Create(host));
        model.Subcommands.Add(ExperimentCommand.Create(host));
        return model;
    }
}
