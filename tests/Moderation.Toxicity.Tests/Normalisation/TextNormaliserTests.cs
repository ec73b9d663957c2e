using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Tests.Normalisation;

public sealed class TextNormaliserTests
{
    [Theory]
    [InlineData("YOU ARE AN IDIOT", "you are an idiot")]
    [InlineData("Ｉｄｉｏｔ ＦＵＣＫ", "idiot fuck")]
    [InlineData("𝐟𝐮𝐜𝐤 𝓸𝓯𝓯", "fuck off")]
    [InlineData("ⓘⓓⓘⓞⓣ", "idiot")]
    [InlineData("ﬁne", "fine")]
    public void Folds_case_and_unicode_compatibility_forms(string raw, string expected) => AssertNormalised(raw, expected);

    [Theory]
    [InlineData("café naïve Zürich", "cafe naive zurich")]
    [InlineData("ídíót", "idiot")]
    [InlineData("i̷d̷i̷o̷t̷", "idiot")]
    public void Strips_diacritics_and_combining_marks(string raw, string expected) => AssertNormalised(raw, expected);

    [Theory]
    [InlineData("i\u200Bd\u200Bi\u200Bo\u200Bt", "idiot")]
    [InlineData("mo\u200Cron", "moron")]
    [InlineData("st\u00ADupid", "stupid")]
    [InlineData("\u202Eidiot\u202C", "idiot")]
    [InlineData("lo\u2066ser\u2069", "loser")]
    [InlineData("\uFEFFfuck", "fuck")]
    public void Removes_zero_width_and_bidi_controls(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.InvisibleCharacters);

    [Theory]
    [InlineData("іdіot", "idiot")]
    [InlineData("ѕtupіd", "stupid")]
    [InlineData("mоrоn", "moron")]
    [InlineData("сrар", "crap")]
    [InlineData("ΙDΙΟΤ", "idiot")]
    [InlineData("mοrοn", "moron")]
    [InlineData("κιll", "kill")]
    public void Folds_cyrillic_and_greek_homoglyphs(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.Homoglyphs);

    [Theory]
    [InlineData("@sshole", "asshole")]
    [InlineData("h@te", "hate")]
    [InlineData("h3ll0", "hello")]
    [InlineData("m0r0n", "moron")]
    [InlineData("$tupid", "stupid")]
    [InlineData("a$$", "ass")]
    [InlineData("1diot", "idiot")]
    [InlineData("k1ll", "kill")]
    [InlineData("1oser", "loser")]
    [InlineData("sh!t", "shit")]
    [InlineData("b!tch", "bitch")]
    [InlineData("n00b", "noob")]
    [InlineData("5tupid", "stupid")]
    [InlineData("1d10t", "idiot")]
    public void Decodes_leetspeak(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.Leetspeak);

    [Theory]
    [InlineData("f*ck", "fuck")]
    [InlineData("sh*t", "shit")]
    [InlineData("f**king", "fucking")]
    [InlineData("a**hole", "asshole")]
    public void Fills_masked_letters(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.MaskedLetters);

    [Theory]
    [InlineData("stuuuuupid", "stupid")]
    [InlineData("fuuuuuck", "fuck")]
    [InlineData("idiooooot", "idiot")]
    [InlineData("assss", "ass")]
    [InlineData("soooo gooood", "soo good")]
    public void Shortens_stretched_letters(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.StretchedLetters);

    [Theory]
    [InlineData("f.u.c.k", "fuck")]
    [InlineData("f-u-c-k you", "fuck you")]
    [InlineData("i_d_i_o_t", "idiot")]
    [InlineData("f u c k you", "fuck you")]
    [InlineData("you are a m o r o n", "you are a moron")]
    [InlineData("s.t.u.p.i.d.", "stupid")]
    public void Joins_letters_split_by_separators(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.SeparatedLetters);

    [Theory]
    [InlineData("RT @someone: read this https://t.co/abc123", "read this")]
    [InlineData("see www.example.com/page for more", "see for more")]
    [InlineData("@editor_42 thanks for the fix", "thanks for the fix")]
    [InlineData("Tom &amp; Jerry &#8217;s &lt;b&gt; &quot;show&quot;", "tom jerry s b show")]
    [InlineData("#idiots run the council", "idiots run the council")]
    public void Strips_source_noise(string raw, string expected) => AssertNormalised(raw, expected);

    [Theory]
    [InlineData("I bought 2 mp3 players in 2017", "i bought 2 mp3 players in 2017")]
    [InlineData("the 1st and 4th items, e.g. apples", "the 1st and 4th items e g apples")]
    [InlineData("covid19 cases rose by 15%", "covid19 cases rose by 15")]
    [InlineData("Good! Really good? Yes.", "good really good yes")]
    [InlineData("I can't believe it's not butter", "i cant believe its not butter")]
    [InlineData("a good book", "a good book")]
    [InlineData("I love it!!!", "i love it")]
    public void Leaves_ordinary_text_alone(string raw, string expected) => AssertNormalised(raw, expected, EvasionSignals.None);

    [Fact]
    public void Keeps_an_abusive_word_that_looks_like_a_mention() =>
        Assert.Equal("you ass", TextNormaliser.Normalise("you @ss").Text);

    [Fact]
    public void Empty_and_null_text_normalise_to_nothing()
    {
        Assert.Equal(string.Empty, TextNormaliser.Normalise(null).Text);
        Assert.Empty(TextNormaliser.Normalise("   ").Tokens);
    }

    [Fact]
    public void Records_style_cues_from_the_raw_text()
    {
        var shouted = TextNormaliser.Normalise("WHY WOULD ANYONE WRITE THIS!!!");
        Assert.True(shouted.UppercaseShare > 0.9);
        Assert.Equal(3, shouted.ExclamationMarks);
        Assert.Equal(0, TextNormaliser.Normalise("USA").UppercaseShare);
    }

    [Fact]
    public void Combined_tricks_are_all_undone()
    {
        var result = TextNormaliser.Normalise("RT @bob: ｙｏｕ аrе а f.u.c.k.i.n.g 1d1ooooot!!! http://x.co/y");
        Assert.Equal("you are a fucking idiot", result.Text);
    }

    private static void AssertNormalised(string raw, string expected, EvasionSignals? signal = null)
    {
        var result = TextNormaliser.Normalise(raw);
        Assert.Equal(expected, result.Text);
        if (signal == EvasionSignals.None)
        {
            Assert.Equal(EvasionSignals.None, result.Evasion);
        }
        else if (signal is { } expectedSignal)
        {
            Assert.True(result.Evasion.HasFlag(expectedSignal), $"expected {expectedSignal}, got {result.Evasion}");
        }
    }
}
