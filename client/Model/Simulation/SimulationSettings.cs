using Moderation.Toxicity.Data;

namespace Moderation.Client.Model.Simulation;

/// <summary>What a simulation replays and how: the site's labelled comments, the label counts to retrain at, and where.</summary>
internal sealed record SimulationSettings(
    IReadOnlyList<LabelledText> Rows,
    IReadOnlyList<int> Steps,
    string ArticleId,
    int Seed,
    int Concurrency,
    int EvaluationLimit,
    TimeSpan SwitchTimeout);
