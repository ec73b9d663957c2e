namespace Moderation.Cluster.Tests;

/// <summary>
/// A made-up site's labelled comments: what this site's moderators reject (sales spam and the local insults) is not
/// what the shipped model learned as toxic, so a model that learns from the site's labels ranks them better.
/// </summary>
internal static class SiteComments
{
    private static readonly string[] Topics = ["the bridge repairs", "the school budget", "the mayor's plan", "the bus timetable", "the harbour project", "the new library", "the tax change", "the council vote"];
    private static readonly string[] Views = ["I think", "It seems to me", "Honestly,", "In my view", "My neighbour says", "As a resident,"];
    private static readonly string[] Clean = ["is long overdue", "needs more public debate", "was explained well here", "will cost more than promised", "deserves a second look", "is a sensible compromise", "helps families like mine"];
    private static readonly string[] Products = ["watches", "sunglasses", "crypto coins", "diet pills", "phone cases", "sneakers", "loans"];
    private static readonly string[] Pitches = ["Cheap {0} at bargain-{1}.example, order today", "Best {0} deals, visit shop{1}.example now", "Earn money fast with {0}, see promo{1}.example", "Discount {0} shipped free, go to outlet{1}.example"];
    private static readonly string[] Locals = ["typical mainlander nonsense from a harbour rat", "go back to your swamp, harbour rat", "only a ferry clown would write this", "another ferry clown who never paid a toll"];

    public static IReadOnlyList<(string Text, bool Toxic)> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(string, bool)>(count);
        for (var i = 0; i < count; i++)
        {
            var toxic = random.NextDouble() < 0.35;
            var text = toxic
                ? random.Next(2) == 0
                    ? string.Format(Pitches[random.Next(Pitches.Length)], Products[random.Next(Products.Length)], random.Next(1000))
                    : $"{Locals[random.Next(Locals.Length)]}, about {Topics[random.Next(Topics.Length)]}"
                : $"{Views[random.Next(Views.Length)]} {Topics[random.Next(Topics.Length)]} {Clean[random.Next(Clean.Length)]}";
            rows.Add(($"{text} #{i}", toxic));
        }

        return rows;
    }
}
