using IAToolkit.Answers;

namespace IAToolkit.Core.Tests.Answers;

public sealed class HtmlPlainTextTests
{
    [Test]
    public void ToPlainText_Answer_ReadsAsText()
    {
        const string html = """
            <h4>Resumen</h4><p>Ventas   de <strong>marzo</strong>.<br>Ver <a href="https://acme.example/r">informe</a>.</p>
            <ul><li>uno</li><li>dos</li></ul>
            <table><tr><th>Región</th><th>Monto</th></tr><tr><td>Norte</td><td>1.000</td></tr></table>
            <script>alert(1)</script><style>p{}</style>
            """;

        var text = AnswerRenderer.ToPlainText(html);

        Assert.That(text, Is.EqualTo("Resumen\n\nVentas de marzo.\nVer informe (https://acme.example/r).\n\n- uno\n- dos\n\nRegión\tMonto\nNorte\t1.000"));
    }

    [Test]
    public void ToPlainText_Preformatted_KeepsIndentation()
    {
        Assert.That(AnswerRenderer.ToPlainText("<pre><code>if (a)\n    b();</code></pre>"), Is.EqualTo("if (a)\n    b();"));
    }
}
