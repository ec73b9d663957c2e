namespace Moderation.Client.Tests;

/// <summary>Small Disqus and WordPress exports written for the tests, each with its own article ids.</summary>
internal static class ImportFiles
{
    /// <summary>
    /// Two threads; in the first, a reply comes before its parent and has a reply of its own, and there is spam, a
    /// deleted comment, HTML and non-ASCII text; the second thread has no identifier and maps by its link's slug; a
    /// third is mapped by a --map line; one reply's parent is not in the file.
    /// </summary>
    public static string Disqus(string suffix) => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <category dsq:id="1"><forum>news</forum><title>General</title><isDefault>true</isDefault></category>
          <thread dsq:id="100">
            <id>harbour-{{suffix}}</id><forum>news</forum><category dsq:id="1"/>
            <link>https://news.example/2019/03/harbour-plan/</link><title>Harbour plan</title><message/>
            <createdAt>2019-03-01T08:00:00Z</createdAt>
            <author><name>Desk</name><email>desk@news.example</email><isAnonymous>false</isAnonymous><username>desk</username></author>
            <isClosed>false</isClosed><isDeleted>false</isDeleted>
          </thread>
          <thread dsq:id="101">
            <id/><forum>news</forum><category dsq:id="1"/>
            <link>https://news.example/2019/03/council-{{suffix}}/</link><title>Council vote</title><message/>
            <createdAt>2019-03-02T08:00:00Z</createdAt>
            <isClosed>false</isClosed><isDeleted>false</isDeleted>
          </thread>
          <thread dsq:id="102">
            <id/><forum>news</forum><link>https://news.example/?p=77&amp;s={{suffix}}</link><title>Election night</title>
            <createdAt>2019-03-03T08:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted>
          </thread>
          <post dsq:id="2002">
            <id/><message><![CDATA[<p>I agree with <a href="https://example.org">this</a>.</p>]]></message>
            <createdAt>2019-03-01T09:10:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Bo</name><email>bo@example.org</email><isAnonymous>false</isAnonymous><username>bo</username></author>
            <thread dsq:id="100"/><parent dsq:id="2001"/>
          </post>
          <post dsq:id="2003">
            <id/><message><![CDATA[<p>So do I.</p>]]></message>
            <createdAt>2019-03-01T09:20:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Ana</name><email>ana@example.org</email><isAnonymous>false</isAnonymous><username>ana</username></author>
            <thread dsq:id="100"/><parent dsq:id="2002"/>
          </post>
          <post dsq:id="2001">
            <id/><message><![CDATA[<p>The harbour plan is &quot;sound&quot;.</p><p>Z&uuml;rich did the same &amp; it worked. 日本語もOK</p>]]></message>
            <createdAt>2019-03-01T09:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Ana</name><email>ana@example.org</email><isAnonymous>false</isAnonymous><username>ana</username></author>
            <thread dsq:id="100"/>
          </post>
          <post dsq:id="2004">
            <id/><message><![CDATA[Cheap watches at <b>example.biz</b>]]></message>
            <createdAt>2019-03-01T09:30:00Z</createdAt><isDeleted>false</isDeleted><isSpam>true</isSpam>
            <author><name>Seller</name><email>seller@example.biz</email><isAnonymous>false</isAnonymous></author>
            <thread dsq:id="100"/>
          </post>
          <post dsq:id="2005">
            <id/><message><![CDATA[<p>I take it back</p>]]></message>
            <createdAt>2019-03-01T09:40:00Z</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam>
            <author><name>Cy</name><isAnonymous>true</isAnonymous></author>
            <thread dsq:id="100"/>
          </post>
          <post dsq:id="2006">
            <id/><message><![CDATA[<p>The council should listen.</p>]]></message>
            <createdAt>2019-03-02T09:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Bo</name><email>bo@example.org</email><isAnonymous>false</isAnonymous></author>
            <thread dsq:id="101"/>
          </post>
          <post dsq:id="2007">
            <id/><message><![CDATA[<p>What a night.</p>]]></message>
            <createdAt>2019-03-03T23:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Di</name><email>di@example.org</email><isAnonymous>false</isAnonymous></author>
            <thread dsq:id="102"/>
          </post>
          <post dsq:id="2008">
            <id/><message><![CDATA[<p>Replying to a comment the export left out.</p>]]></message>
            <createdAt>2019-03-03T23:10:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
            <author><name>Di</name><email>di@example.org</email><isAnonymous>false</isAnonymous></author>
            <thread dsq:id="102"/><parent dsq:id="1999"/>
          </post>
        </disqus>
        """;

    /// <summary>One post with an approved thread of a reply, a pending comment, spam, a trashed comment and a pingback.</summary>
    public static string WordPress(string suffix) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>News</title><link>https://news.example</link><wp:wxr_version>1.2</wp:wxr_version>
          <item>
            <title>Bridge reopens</title>
            <link>https://news.example/2020/05/bridge/</link>
            <dc:creator><![CDATA[desk]]></dc:creator>
            <content:encoded><![CDATA[<p>The bridge reopens.</p>]]></content:encoded>
            <wp:post_id>7</wp:post_id>
            <wp:post_name><![CDATA[bridge-{{suffix}}]]></wp:post_name>
            <wp:post_type><![CDATA[post]]></wp:post_type>
            <wp:comment>
              <wp:comment_id>11</wp:comment_id>
              <wp:comment_author><![CDATA[Élodie]]></wp:comment_author>
              <wp:comment_author_email><![CDATA[elodie@example.org]]></wp:comment_author_email>
              <wp:comment_date><![CDATA[2020-05-02 12:00:00]]></wp:comment_date>
              <wp:comment_date_gmt><![CDATA[2020-05-02 10:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Finally! It took <em>two</em> years.]]></wp:comment_content>
              <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
              <wp:comment_type><![CDATA[comment]]></wp:comment_type>
              <wp:comment_parent>0</wp:comment_parent>
              <wp:comment_user_id>0</wp:comment_user_id>
            </wp:comment>
            <wp:comment>
              <wp:comment_id>12</wp:comment_id>
              <wp:comment_author><![CDATA[Finn]]></wp:comment_author>
              <wp:comment_author_email><![CDATA[]]></wp:comment_author_email>
              <wp:comment_date><![CDATA[2020-05-02 13:00:00]]></wp:comment_date>
              <wp:comment_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Two years too long.]]></wp:comment_content>
              <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
              <wp:comment_type><![CDATA[]]></wp:comment_type>
              <wp:comment_parent>11</wp:comment_parent>
              <wp:comment_user_id>0</wp:comment_user_id>
            </wp:comment>
            <wp:comment>
              <wp:comment_id>13</wp:comment_id>
              <wp:comment_author><![CDATA[Gus]]></wp:comment_author>
              <wp:comment_author_email><![CDATA[gus@example.org]]></wp:comment_author_email>
              <wp:comment_date_gmt><![CDATA[2020-05-02 14:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Not approved yet]]></wp:comment_content>
              <wp:comment_approved><![CDATA[0]]></wp:comment_approved>
              <wp:comment_parent>0</wp:comment_parent>
            </wp:comment>
            <wp:comment>
              <wp:comment_id>14</wp:comment_id>
              <wp:comment_author><![CDATA[Spam]]></wp:comment_author>
              <wp:comment_author_email><![CDATA[spam@example.biz]]></wp:comment_author_email>
              <wp:comment_date_gmt><![CDATA[2020-05-02 15:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Buy now]]></wp:comment_content>
              <wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
              <wp:comment_parent>0</wp:comment_parent>
            </wp:comment>
            <wp:comment>
              <wp:comment_id>15</wp:comment_id>
              <wp:comment_author><![CDATA[Hal]]></wp:comment_author>
              <wp:comment_author_email><![CDATA[hal@example.org]]></wp:comment_author_email>
              <wp:comment_date_gmt><![CDATA[2020-05-02 16:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Removed]]></wp:comment_content>
              <wp:comment_approved><![CDATA[trash]]></wp:comment_approved>
              <wp:comment_parent>0</wp:comment_parent>
            </wp:comment>
            <wp:comment>
              <wp:comment_id>16</wp:comment_id>
              <wp:comment_author><![CDATA[Other blog]]></wp:comment_author>
              <wp:comment_date_gmt><![CDATA[2020-05-02 17:00:00]]></wp:comment_date_gmt>
              <wp:comment_content><![CDATA[Pingback]]></wp:comment_content>
              <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
              <wp:comment_type><![CDATA[pingback]]></wp:comment_type>
              <wp:comment_parent>0</wp:comment_parent>
            </wp:comment>
          </item>
        </channel>
        </rss>
        """;

    public static string Write(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-import-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
