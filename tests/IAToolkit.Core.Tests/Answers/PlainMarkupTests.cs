using IAToolkit.Answers;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>The sanitizer's shortcut for plain Markdown: the same HTML as the sanitizer gives, and never taken for markup it could change.</summary>
public sealed class PlainMarkupTests
{
    private static readonly string[] Fragments =
    [
        "There were 830 orders in 2024.",
        "Ernst Handel & Sons bought \"a lot\" (it's 12% > last year, < 2023's peak).",
        "# Orders\n\nThe **best** month was *March*, ~~not~~ April.",
        "- Speedy Express: 249\n- United Package: 326\n- Federal Shipping: 255",
        "1. First\n2. Second\n   - nested item\n3. Third",
        "- loose one\n\n- loose two",
        "| customer | revenue | orders |\n|:---|---:|:---:|\n| Ernst Handel | 104,874.98 | 30 |\n| QUICK-Stop | 104,361.95 | 28 |",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "> A quote with `code <b>` inside.",
        "Use `SELECT count(*) FROM orders WHERE a < 3 && b > 2`.",
        "```\nSELECT 1;\n-- a <comment> & more\n```",
        "- [x] done\n- [ ] to do",
        "Ñandú, café, 東京, emoji 🚀 and a line\nthat continues.",
        "## Heading with *emphasis*\n\nText after it.",
        "Tabs\tand  double  spaces.",
        "5 * 3 = 15 and 2 _ 4",
    ];

    [Test]
    public void TrySanitize_MarkdownCorpus_SameHtmlAsTheSanitizer()
    {
        var random = new Random(14);
        var inputs = new List<string>(Fragments);
        for (var n = 0; n < 400; n++)
        {
            inputs.Add(string.Join("\n\n", Enumerable.Range(0, random.Next(1, 5)).Select(_ => Fragments[random.Next(Fragments.Length)])));
        }

        var shortcuts = 0;
        foreach (var input in inputs)
        {
            var markup = AnswerMarkdown.ToHtml(input, out var rawHtml);
            Assert.That(rawHtml, Is.False, input);
            var expected = new AnswerSanitizer(AnswerHtmlPolicy.Options(), new HashSet<string>()).Sanitize(markup).Trim();
            if (PlainMarkup.TrySanitize(markup) is { } plain)
            {
                shortcuts++;
                Assert.That(plain, Is.EqualTo(expected), input);
            }
            else
            {
                // Task lists carry Markdig's classes, which the sanitizer filters: they take the long way.
                Assert.That(input, Does.Contain("- [x]"), "plain Markdown takes the shortcut");
            }
        }

        Assert.That(shortcuts, Is.GreaterThan(inputs.Count / 2));
    }

    [TestCase("<p onclick=\"alert(1)\">x</p>")]
    [TestCase("<p>x</p><script>alert(1)</script>")]
    [TestCase("<a href=\"javascript:alert(1)\">x</a>")]
    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("<p>x<!-- <script> --></p>")]
    [TestCase("<p>&#x3C;script&#x3E;</p>")]
    [TestCase("<p>&nbsp;</p>")]
    [TestCase("<p>\u00A0</p>")]
    [TestCase("<td style=\"text-align: right;color:red\">1</td>")]
    [TestCase("<td style=\"background:url(javascript:x)\">1</td>")]
    [TestCase("<th style=\"text-align: right;\" onclick=\"x\">1</th>")]
    [TestCase("<p style=\"text-align: right;\">x</p>")]
    [TestCase("<pre><code class=\"language-js\">x</code></pre>")]
    [TestCase("<p>x</p >")]
    [TestCase("<p/onclick=alert(1)>x</p>")]
    [TestCase("<P>x</P>")]
    [TestCase("<p>x > y</p>")]
    [TestCase("<p>unclosed <strong")]
    [TestCase("<br />")]
    [TestCase("<svg><p>x</p></svg>")]
    public void TrySanitize_MarkupTheSanitizerCouldChange_Declined(string markup)
    {
        Assert.That(PlainMarkup.TrySanitize(markup), Is.Null);
    }

    [TestCase("<b>bold</b> and <table><tr><td>cell</td></tr></table>")]
    [TestCase("Text <script>alert(1)</script>")]
    [TestCase("[click](javascript:alert(1))")]
    [TestCase("![x](https://evil.example/x.png)")]
    [TestCase("<https://example.com>")]
    public void ToSafeHtml_RawHtmlLinksOrImages_GoThroughTheSanitizer(string answer)
    {
        var markup = AnswerMarkdown.ToHtml(answer, out var rawHtml);

        Assert.That(rawHtml || PlainMarkup.TrySanitize(markup) is null, Is.True);
        Assert.That(TestRenderers.Create().ToSafeHtml(answer), Does.Not.Contain("script").And.Not.Contain("javascript"));
    }
}
