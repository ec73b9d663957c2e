using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.Fixtures;

/// <summary>
/// A site's moderator decisions that the fixture's base model gets wrong: the site's own insults ("gronk", "blorp",
/// "snarf") are in no lexicon and no base data, and its readers' friendly "damn good" is clean here.
/// </summary>
internal static class SiteLabels
{
    private static readonly string[] Topics = ["budget", "bridge", "election", "stadium", "council", "tax plan", "bus route", "school board", "harbour", "library"];
    private static readonly string[] Insults = ["gronk", "blorp", "snarf"];
    private static readonly string[] People = ["reporter", "reader", "neighbour"];

    public static readonly DateTimeOffset DecidedAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static List<LabelledExample> Decisions(int count = 240, int seed = 3)
    {
        var random = new Random(seed);
        var examples = new List<LabelledExample>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var (text, toxic) = (i % 4) switch
            {
                0 => ($"only a {Insults[random.Next(Insults.Length)]} would write about the {topic} like this (case {i})", true),
                1 => ($"you {Insults[random.Next(Insults.Length)]}, the {topic} is none of your business (case {i})", true),
                2 => ($"only a {People[random.Next(People.Length)]} would write about the {topic} like this (case {i})", false),
                _ => ($"damn good piece on the {topic}, thanks (case {i})", false),
            };
            examples.Add(new LabelledExample(text, toxic, null, "fixture-1", toxic ? "mod-anna" : "mod-ben", DecidedAt.AddMinutes(i)));
        }

        return examples;
    }

    /// <summary>Whether the learner holds this label out (the default split: seed 1, a fifth of the labels).</summary>
    public static bool IsHeldOut(LabelledExample example, int seed = 1) => Split.IsHeldOut(TextNormaliser.Normalise(example.Text).Text, seed, 0.2);
}
