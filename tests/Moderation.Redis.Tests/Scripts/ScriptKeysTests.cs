using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

public sealed class ScriptKeysTests
{
    [Fact]
    public void The_header_names_each_key_at_the_position_the_key_array_puts_it()
    {
        var keys = new ScriptKeys<string>()
            .Key("comment", id => "c:" + id)
            .Key("queues.pending.site_age", _ => "q:p")
            .Key("queues.rejected.site_age", _ => "q:r")
            .Rest("replies", id => [(RedisKey)("r1:" + id), (RedisKey)("r2:" + id)]);

        Assert.Equal(
            """
            local comment = KEYS[1]
            local queues = {}
            queues.pending = {}
            queues.pending.site_age = KEYS[2]
            queues.rejected = {}
            queues.rejected.site_age = KEYS[3]
            local replies = {}
            for i = 4, #KEYS do replies[#replies + 1] = KEYS[i] end

            """.ReplaceLineEndings("\n"),
            keys.Header());
        Assert.Equal(["c:x", "q:p", "q:r", "r1:x", "r2:x"], keys.For("x").Select(key => (string)key!));
    }

    [Fact]
    public void A_shared_part_adds_its_keys_built_from_what_the_script_picks()
    {
        var part = new ScriptKeys<int>().Key("audit.sequence", n => "seq:" + n).Key("audit.all", n => "all:" + n);
        var keys = new ScriptKeys<string>().Key("comment", id => id).With(part, id => id.Length);

        Assert.Equal(["comment", "audit.sequence", "audit.all"], keys.Names);
        Assert.Equal(["abc", "seq:3", "all:3"], keys.For("abc").Select(key => (string)key!));
    }

    [Fact]
    public void A_name_given_twice_or_a_name_that_is_not_lua_is_refused()
    {
        var keys = new ScriptKeys<string>().Key("comment", id => id).Key("audit.all", id => id);

        Assert.Throws<ArgumentException>(() => keys.Key("comment", id => id));
        Assert.Throws<ArgumentException>(() => keys.Key("audit", id => id));
        Assert.Throws<ArgumentException>(() => keys.Key("thread-version", id => id));
        Assert.Throws<ArgumentException>(() => keys.Key("KEYS[2]", id => id));
    }

    [Fact]
    public void Keys_after_the_rest_list_are_refused()
    {
        var keys = new ScriptKeys<string>().Rest("comments", _ => []);

        Assert.Throws<InvalidOperationException>(() => keys.Key("counts", id => id));
    }
}
