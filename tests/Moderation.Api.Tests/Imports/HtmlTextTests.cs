using Moderation.Api.Imports;

namespace Moderation.Api.Tests.Imports;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("Line<br>next<BR/>last", "Line\nnext\nlast")]
    [InlineData("See <a href=\"https://example.org\">this page</a> &amp; that", "See this page & that")]
    [InlineData("<script>alert(1)</script>Safe<style>p{}</style>", "Safe")]
    [InlineData("Caf&eacute; &#26085;&#26412; &quot;q&quot; &nbsp;x", "Caf\u00e9 \u65e5\u672c \"q\"  x")]
    [InlineData("<p>a</p>\r\n\r\n\r\n<p>b</p>\u0007", "a\n\nb")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    public void Html_is_reduced_to_the_text_the_widgets_show(string html, string text) => Assert.Equal(text, HtmlText.Reduce(html));
}
