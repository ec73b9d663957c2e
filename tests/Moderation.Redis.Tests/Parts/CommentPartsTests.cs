using System.Collections.Immutable;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Tests.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Parts;

/// <summary>Which part a key lands in, without a server: the tags' slots, the ids, the articles and every script's keys.</summary>
public sealed class CommentPartsTests
{
    private static readonly int[] TagSlots = [510, 1553, 2554, 3570, 4596, 5644, 6639, 7695, 8691, 9739, 10757, 11746, 12834, 13841, 14846, 15863];

    public static TheoryData<int> SomeParts() => [0, 7, 10, 15];

    [Fact]
    public void The_part_tags_land_in_distinct_slots_in_the_middle_of_each_sixteenth_of_the_slots()
    {
        var slots = CommentParts.All.Select(part => Slots.Of(CommentParts.Prefix(part) + "comments:seq")).ToArray();

        Assert.Equal(TagSlots, slots);
        Assert.All(CommentParts.All, part => Assert.InRange(slots[part], part * 1024 + 256, part * 1024 + 767));
    }

    [Fact]
    public void A_comment_id_names_its_part_and_an_id_from_before_the_parts_is_in_part_0()
    {
        var id = CommentParts.CommentId("cAbCdEfGh-1234567", 10);

        Assert.Equal("cAbCdEfGh-1234567-a", id);
        Assert.Equal(10, CommentParts.OfComment(id));
        Assert.Equal(15, CommentParts.OfComment(CommentParts.CommentId("c0123456789abcdef", 15)));
        Assert.Equal(0, CommentParts.OfComment("cAbCdEfGh-1234567"));
        Assert.Equal(0, CommentParts.OfComment("c-nobody"));
        Assert.Throws<ArgumentException>(() => CommentParts.CommentId("too-short", 1));
    }

    [Fact]
    public void An_article_s_part_is_the_same_in_every_process_and_articles_spread_over_every_part()
    {
        var counts = new int[CommentParts.Count];
        for (var i = 0; i < 3200; i++)
        {
            counts[CommentParts.Hashed($"article-{i}")]++;
        }

        // Computed apart (Python's hashlib): a change of the hash would move every stored article.
        Assert.Equal((6, 8), (CommentParts.Hashed("front-page"), CommentParts.Hashed("article-1")));
        Assert.All(counts, count => Assert.InRange(count, 140, 260));
    }

    [Theory]
    [MemberData(nameof(SomeParts))]
    public void Every_script_s_keys_share_the_slot_of_the_comment_s_part(int part)
    {
        var article = ArticleIn(part);
        var parent = Comment(article);
        var reply = Comment(article) with { ParentId = parent.Id, ThreadParentId = parent.Id, Depth = 2 };
        var draft = TestData.Draft(article) with { ParentId = parent.Id };
        RedisKey[][] keySets =
        [
            new PostBatchScript.Batch(
                part,
                [
                    new PostBatchScript.PreparedPost(draft, parent.Id, 2, null, "", []),
                    new PostBatchScript.PreparedPost(TestData.Draft(article, held: true), null, 1, "{}", "{}", []),
                ],
                DateTimeOffset.UnixEpoch).Keys,
            CommentScripts.Report.Keys.For(parent),
            CommentScripts.Delete.Keys.For(new CommentScripts.StateChange(reply, "mia")),
            CommentScripts.Delete.Keys.For(new CommentScripts.StateChange(parent, null)),
            DecisionScript.Decide.Keys.For(new CommentScripts.StateChange(reply, "mia")),
            AuditStore.Append.Keys.For(AuditScript.Subject.About(parent.Id, "mia")),
            ThreadStore.StoreIfCurrent.Keys.For(new ThreadStore.PageSlot(part, article, "newest")),
            CommentRecount.StoreIfUnchanged.Keys.For(new CommentRecount.Correction(part, article, [parent.Id, reply.Id])),
        ];

        Assert.All(keySets, keys => Assert.All(keys, key => Assert.Equal(TagSlots[part], Slots.Of(key!))));
    }

    [Fact]
    public void An_audit_record_about_a_reader_only_goes_in_part_0()
    {
        var keys = AuditStore.Append.Keys.For(new AuditScript.Subject(0, null, "mia", "ivan-1234567890123-f"));

        Assert.All(keys, key => Assert.Equal(TagSlots[0], Slots.Of(key!)));
    }

    [Fact]
    public void A_cursor_names_a_position_per_part_and_a_number_from_before_the_parts_is_part_0_s()
    {
        Assert.True(PartCursor.TryParse(null, out var start));
        var moved = start.With(3, 35).With(15, 1L << 52);
        Assert.True(PartCursor.TryParse(moved.ToString(), out var read));
        Assert.True(PartCursor.TryParse("1234", out var old));

        Assert.Equal("0.0.0.z.0.0.0.0.0.0.0.0.0.0.0." + ToBase36(1L << 52), moved.ToString());
        Assert.Equal((35L, 1L << 52, 0L), (read[3], read[15], read[0]));
        Assert.Equal((1234L, 0L), (old[0], old[1]));
        Assert.False(PartCursor.TryParse("1.2.3", out _));
        Assert.False(PartCursor.TryParse(string.Join('.', Enumerable.Repeat("A", 16)), out _));
        Assert.False(PartCursor.TryParse(string.Join('.', Enumerable.Repeat("zzzzzzzzzzzz", 16)), out _));
        Assert.False(PartCursor.TryParse("-5", out _));
    }

    /// <summary>A new article id whose part is <paramref name="part"/>.</summary>
    public static string ArticleIn(int part)
    {
        while (true)
        {
            var article = TestData.NewArticle();
            if (CommentParts.Hashed(article) == part)
            {
                return article;
            }
        }
    }

    private static CommentView Comment(string article) => new(
        TestData.CommentId(article), article, null, null, 1, "ann", "ann", "Hello.", DateTimeOffset.UtcNow, 1, CommentStatus.Published,
        1, 0, 0.1, "m", ImmutableArray<string>.Empty, ImmutableArray<ScoreTerm>.Empty, 0);

    private static string ToBase36(long value)
    {
        var digits = "";
        for (; value > 0; value /= 36)
        {
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(value % 36)] + digits;
        }

        return digits;
    }
}
