using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Tests.Fixtures;

/// <summary>Small labelled comments generated in code, so the tests never need the shared data.</summary>
internal static class FixtureData
{
    private static readonly string[] Topics = ["budget", "election", "bridge", "school board", "stadium", "tax plan", "council", "weather report", "housing policy", "bus route"];
    private static readonly string[] Opinions = ["well researched", "a fair summary", "too long", "interesting", "missing some numbers", "balanced", "helpful", "a bit one-sided", "worth reading", "clear"];
    private static readonly string[] Insults = ["idiot", "moron", "loser", "clown", "imbecile", "fool"];
    private static readonly string[] Swears = ["fuck", "shit", "damn", "crap"];

    /// <summary>About <paramref name="count"/> rows, roughly a third toxic, from two sources.</summary>
    public static List<LabelledText> Comments(int count = 360, int seed = 7)
    {
        var random = new Random(seed);
        var rows = new List<LabelledText>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Pick(random, Topics);
            var source = i % 2 == 0 ? "fixture_a" : "fixture_b";
            if (i % 3 == 0)
            {
                var insult = Pick(random, Insults);
                var text = random.Next(4) switch
                {
                    0 => $"You are a {insult}, the {topic} story proves it",
                    1 => $"What a {insult} wrote this {topic} piece",
                    2 => $"{Pick(random, Swears)} this {topic} nonsense, you {insult}",
                    _ => $"Shut up you {insult}, nobody cares about the {topic}",
                };
                rows.Add(new LabelledText(text + Suffix(i), true, source));
            }
            else
            {
                var text = random.Next(3) switch
                {
                    0 => $"I thought the {topic} article was {Pick(random, Opinions)}",
                    1 => $"Thanks for covering the {topic}, it was {Pick(random, Opinions)}",
                    _ => $"The {topic} debate at the meeting was {Pick(random, Opinions)} in my view",
                };
                rows.Add(new LabelledText(text + Suffix(i), false, source));
            }
        }

        return rows;
    }

    /// <summary>Writes rows as a shared-data shaped CSV (<c>id,text,toxic,split,orig_label</c>).</summary>
    public static string WriteCsv(string directory, IEnumerable<LabelledText> rows, string fileName = "toxic_binary.csv")
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,text,toxic,split,orig_label");
        var id = 0;
        foreach (var row in rows)
        {
            writer.WriteLine($"{id++},\"{row.Text.Replace("\"", "\"\"")}\",{(row.Toxic ? 1 : 0)},,");
        }

        return path;
    }

    // Makes texts distinct so the hash split does not group them.
    private static string Suffix(int i) => i % 5 == 0 ? "." : $" (#{i})";

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
