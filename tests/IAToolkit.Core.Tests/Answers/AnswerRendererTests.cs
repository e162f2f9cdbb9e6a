using IAToolkit.Answers;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>What the model legitimately writes, following the format prompt or plain Markdown, reaches the page intact.</summary>
public sealed class AnswerRendererTests
{
    private static readonly AnswerRenderer Renderer = TestRenderers.Create();

    [Test]
    public void ToSafeHtml_MarkdownTable_BecomesATableWithAlignment()
    {
        var html = Renderer.ToSafeHtml("| Cliente | Total |\n|:--|--:|\n| Ñandú Ltda. | 1.234 |");

        Assert.That(html, Does.Contain("<table>").And.Contain("<th style=\"text-align: left\">Cliente</th>"));
        Assert.That(html, Does.Contain("<td style=\"text-align: right\">1.234</td>").And.Contain("<td style=\"text-align: left\">Ñandú Ltda.</td>"));
        Assert.That(InertHtml.Problems(html), Is.Empty);
    }

    [Test]
    public void ToSafeHtml_BootstrapTableFromTheFormatPrompt_KeepsClassesAndSpans()
    {
        const string answer = """
            <h4>Ventas por región</h4>
            <table class="table table-striped table-hover">
              <thead><tr><th class="text-center">Región</th><th class="text-end nowrap">Monto</th></tr></thead>
              <tbody>
                <tr><td rowspan="2">Norte</td><td class="text-right">$ 1.000</td></tr>
                <tr><td colspan="2">Sin datos</td></tr>
              </tbody>
            </table>
            """;

        var html = Renderer.ToSafeHtml(answer);

        Assert.That(html, Does.Contain("<h4>Ventas por región</h4>"));
        Assert.That(html, Does.Contain("<table class=\"table table-striped table-hover\">"));
        Assert.That(html, Does.Contain("<th class=\"text-center\">Región</th>").And.Contain("<th class=\"text-end nowrap\">Monto</th>"));
        Assert.That(html, Does.Contain("<td rowspan=\"2\">Norte</td>").And.Contain("<td colspan=\"2\">Sin datos</td>"));
        Assert.That(html, Does.Contain("<td class=\"text-right\">$ 1.000</td>"));
    }

    [Test]
    public void ToSafeHtml_IndentedHtmlTableWithBlankLines_StaysATable()
    {
        const string answer = "<table class=\"table\">\n\n    <tr><td>uno</td></tr>\n\n    <tr><td>dos</td></tr>\n\n</table>";

        var html = Renderer.ToSafeHtml(answer);

        Assert.That(html, Does.Contain("<td>uno</td>").And.Contain("<td>dos</td>").And.Not.Contain("&lt;tr&gt;"));
    }

    [Test]
    public void ToSafeHtml_KeyValueListFromTheFormatPrompt_Survives()
    {
        const string answer = "<ul><li><strong>Cliente:</strong> José Pérez</li><li><strong>Fecha:</strong> 05-03-2024</li></ul>";

        Assert.That(Renderer.ToSafeHtml(answer), Is.EqualTo(answer));
    }

    [Test]
    public void ToSafeHtml_NestedMarkdownLists_StayNested()
    {
        var html = Renderer.ToSafeHtml("1. uno\n   - dos\n     - tres\n2. cuatro");

        Assert.That(html, Does.Match(@"<ol>\s*<li>uno\s*<ul>\s*<li>dos\s*<ul>\s*<li>tres</li>\s*</ul>\s*</li>\s*</ul>\s*</li>\s*<li>cuatro</li>\s*</ol>"));
    }

    [Test]
    public void ToSafeHtml_CodeBlock_ShowsTheCodeEscaped()
    {
        var html = Renderer.ToSafeHtml("```html\n<script>alert(\"a < b\")</script>\n```");

        Assert.That(html, Is.EqualTo("<pre><code class=\"language-html\">&lt;script&gt;alert(\"a &lt; b\")&lt;/script&gt;\n</code></pre>"));
    }

    [Test]
    public void ToSafeHtml_Links_ExternalOpenInANewTabAndInternalDoNot()
    {
        var html = Renderer.ToSafeHtml("[informe](https://acme.example/r?a=1&b=2), [descarga](/api/acme/downloads/abc), [correo](mailto:ana@acme.example) y www.acme.example");

        Assert.That(html, Does.Contain("<a href=\"https://acme.example/r?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">informe</a>"));
        Assert.That(html, Does.Contain("<a href=\"/api/acme/downloads/abc\">descarga</a>"));
        Assert.That(html, Does.Contain("<a href=\"mailto:ana@acme.example\">correo</a>"));
        Assert.That(html, Does.Contain("<a href=\"http://www.acme.example\" target=\"_blank\" rel=\"noopener noreferrer\">www.acme.example</a>"));
    }

    [Test]
    public void ToSafeHtml_LinkWithItsOwnTargetAndRel_GetsOurs()
    {
        var html = Renderer.ToSafeHtml("<a href=\"https://acme.example\" target=\"_self\" rel=\"opener\">x</a>");

        Assert.That(html, Is.EqualTo("<p><a href=\"https://acme.example\" target=\"_blank\" rel=\"noopener noreferrer\">x</a></p>"));
    }

    [Test]
    public void ToSafeHtml_SpanishText_KeepsAccentsAsTheyAre()
    {
        var html = Renderer.ToSafeHtml("**Atención**: el año pasado, ¿cuántos niños? — «sí» ~~no~~");

        Assert.That(html, Is.EqualTo("<p><strong>Atención</strong>: el año pasado, ¿cuántos niños? — «sí» <del>no</del></p>"));
    }

    [Test]
    public void ToSafeHtml_TaskList_ShowsCheckMarksNotInputs()
    {
        var html = Renderer.ToSafeHtml("- [x] hecho\n- [ ] pendiente");

        Assert.That(html, Does.Contain("☑ hecho").And.Contain("☐ pendiente").And.Not.Contain("<input"));
    }

    [Test]
    public void ToSafeHtml_ImageFromAListedHost_StaysAnImage()
    {
        var renderer = TestRenderers.Create(null, "static.acme.example");

        var html = renderer.ToSafeHtml("![logo](https://static.acme.example/logo.png) ![x](http://static.acme.example/a.png)");

        Assert.That(html, Is.EqualTo("<p><img src=\"https://static.acme.example/logo.png\" alt=\"logo\"> x</p>"));
    }

    [Test]
    public void ToSafeHtml_SameAnswerTwice_SameHtml()
    {
        const string answer = "# Título\n\n<div class=\"alert\">a</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[l](https://x.example)";

        Assert.That(Renderer.ToSafeHtml(answer), Is.EqualTo(Renderer.ToSafeHtml(answer)));
    }

    [Test]
    public void ToSafeHtml_Empty_IsEmpty()
    {
        Assert.That(Renderer.ToSafeHtml(string.Empty), Is.Empty);
    }
}
