using System.Text.RegularExpressions;

namespace Moderation.Api.Tests.Hosting;

/// <summary>What a news page downloads for a widget: the module, the shared modules it imports and the stylesheet, under 30 KB.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class WidgetBudgetTests(SharedSilo silo)
{
    private const int Budget = 30_000;

    [Theory]
    [InlineData("/widgets/comments.js")]
    [InlineData("/widgets/poll.js")]
    public async Task A_widget_with_its_imports_and_stylesheet_stays_under_30_KB(string widget)
    {
        using var client = silo.CreateClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = await SizeAsync(client, new Uri(client.BaseAddress!, widget), seen)
            + (await client.GetByteArrayAsync("/widgets/widgets.css")).Length;

        Assert.True(total < Budget, $"{widget} with {string.Join(", ", seen)} and widgets.css is {total:N0} bytes, over {Budget:N0}.");
    }

    private static async Task<int> SizeAsync(HttpClient client, Uri module, HashSet<string> seen)
    {
        if (!seen.Add(module.AbsolutePath))
        {
            return 0;
        }

        var text = await client.GetStringAsync(module);
        var size = System.Text.Encoding.UTF8.GetByteCount(text);
        foreach (Match import in Imports().Matches(text))
        {
            size += await SizeAsync(client, new Uri(module, import.Groups[1].Value), seen);
        }

        return size;
    }

    [GeneratedRegex(@"^import\s[^;]*?from\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex Imports();
}
