using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Tests.Data;

public sealed class ToxicityCsvLoaderTests
{
    [Fact]
    public void Reads_the_shared_data_shape_and_skips_unlabelled_rows()
    {
        const string csv = """
            id,text,toxic,split,orig_label
            1,"you are an idiot",1,,1
            2,"thanks, that helps",0,train,2
            3,"ambiguous one",,,relation
            4,"a quote ""inside"" and
            a line break",0,,noHate
            """;
        var result = Load(csv);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(1, result.SkippedUnlabelled);
        Assert.Empty(result.Malformed);
        Assert.True(result.Rows[0].Toxic);
        Assert.Equal("thanks, that helps", result.Rows[1].Text);
        Assert.Equal("a quote \"inside\" and\na line break", result.Rows[2].Text.ReplaceLineEndings("\n"));
        Assert.All(result.Rows, r => Assert.Equal("fixture", r.Source));
    }

    [Fact]
    public void Reads_a_plain_text_label_file()
    {
        var result = Load("text,label\nhello there,0\nshut up you moron,1\n");
        Assert.Equal([false, true], result.Rows.Select(r => r.Toxic));
    }

    [Fact]
    public void Uses_configured_column_names()
    {
        var result = Load("comment_body,is_abusive,other\nnice,false,x\nidiot,true,y\n", new CsvColumns("comment_body", "is_abusive"));
        Assert.Equal(2, result.Rows.Count);
        Assert.True(result.Rows[1].Toxic);
    }

    [Fact]
    public void Reports_malformed_rows_with_their_line()
    {
        const string csv = "text,label\nfine,0\ntoo,many,fields\nbad label,maybe\n,1\nlast,1\n\"never closed,0\n";
        var result = Load(csv);
        Assert.Equal(["fine", "last"], result.Rows.Select(r => r.Text));
        Assert.Collection(result.Malformed,
            m => Assert.Equal((3, "expected 2 fields, found 3"), (m.Line, m.Reason)),
            m => Assert.Equal((4, "label 'maybe' is not 0/1"), (m.Line, m.Reason)),
            m => Assert.Equal((5, "empty text"), (m.Line, m.Reason)),
            m => Assert.Equal((7, "unterminated quoted field"), (m.Line, m.Reason)));
    }

    [Fact]
    public void A_missing_column_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("body,verdict\nx,1\n"));
        Assert.Contains("no text column", error.Message);
    }

    [Fact]
    public void Names_the_source_after_the_folder_of_a_shared_file()
    {
        Assert.Equal("davidson", ToxicityCsvLoader.SourceNameOf("/data/toxicity/davidson/toxic_binary.csv"));
        Assert.Equal("my_comments", ToxicityCsvLoader.SourceNameOf("/tmp/my_comments.csv"));
    }

    private static CsvLoadResult Load(string csv, CsvColumns? columns = null) =>
        ToxicityCsvLoader.Load(new StringReader(csv), "fixture.csv", columns, "fixture");
}
