namespace Moderation.Toxicity.Models;

/// <summary>A data set a model was trained on, with its row count and licence (a model must name them).</summary>
public sealed record DataSourceInfo(string Name, int Rows, string Licence, string Origin);
