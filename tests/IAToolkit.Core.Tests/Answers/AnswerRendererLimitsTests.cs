using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>
/// Answers that the parsers cannot handle (nested 10,000 deep, enormous tables) still reach the user, as encoded text,
/// in bounded time, with a warning in the log; normal answers are untouched.
/// </summary>
[Category("Security")]
public sealed class AnswerRendererLimitsTests
{
    // Generous for a loaded CI machine; unbounded, the time grows faster than the input (a 600 KB pipe table took 17 s).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private static IEnumerable<TestCaseData> Pathological()
    {
        static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
        yield return new TestCaseData(Repeat(">", 10_000) + " <script>alert(1)</script> deep").SetName("ToSafeHtml_TenThousandNestedQuotes_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("- ", 10_000) + "<b>item</b>").SetName("ToSafeHtml_TenThousandNestedListMarkers_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("1. ", 5_000) + "x\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item\n"))).SetName("ToSafeHtml_NestedOrderedAndIndentedLists_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("*a _b ", 10_000) + Repeat("b_ a*", 10_000)).SetName("ToSafeHtml_NestedEmphasis_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("[", 10_000) + "x" + Repeat("](http://a.example)", 10_000)).SetName("ToSafeHtml_NestedLinks_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("<div>", 20_000) + "x").SetName("ToSafeHtml_TwentyThousandNestedDivs_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("<b>", 33_000) + "x").SetName("ToSafeHtml_UnclosedFormattingTags_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("<ul><li>", 12_000) + "x").SetName("ToSafeHtml_NestedHtmlLists_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("<div></span>", 8_000) + "x").SetName("ToSafeHtml_NestingHiddenBehindStrayEndTags_FallsBackToEscapedText");
        yield return new TestCaseData(Repeat("| a ", 50_000) + "|\n" + Repeat("|---", 50_000) + "|\n" + Repeat("| 1 ", 50_000) + "|\n").SetName("ToSafeHtml_HugeWideTable_FallsBackToEscapedText");
        yield return new TestCaseData("| a | b |\n|---|---|\n" + Repeat("| <i>1</i> | 2 |\n", 20_000)).SetName("ToSafeHtml_HugeLongTable_FallsBackToEscapedText");
    }

    [TestCaseSource(nameof(Pathological))]
    public void Pathological_Answer_IsShownAsEscapedTextWithAWarning(string answer)
    {
        var logs = new Mail.CapturingLoggerProvider();
        var renderer = TestRenderers.Create(logs);

        var watch = Stopwatch.StartNew();
        var html = renderer.ToSafeHtml(answer);

        Assert.That(watch.Elapsed, Is.LessThan(Budget), "bounded work");
        Assert.That(html, Does.StartWith("<p>"), "the fallback is paragraphs of text");
        Assert.That(html, Does.Not.Contain("<div").And.Not.Contain("<b>").And.Not.Contain("<script").And.Not.Contain("<li"), "no markup of the answer survives");
        Assert.That(InertHtml.Problems(html), Is.Empty);
        var entry = logs.Entries.Single(e => e.EventId == 2600);
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Message, Does.Contain(answer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void ToSafeHtml_FallbackText_KeepsEveryWordAndLineEncoded()
    {
        var renderer = TestRenderers.Create();
        var answer = new string('>', 10_000) + " Ventas & <margen>\nsegunda línea\n\nOtro párrafo \"citado\"";

        var html = renderer.ToSafeHtml(answer);

        Assert.That(html, Does.Contain("Ventas &amp; &lt;margen&gt;<br>\nsegunda línea</p>"));
        Assert.That(html, Does.EndWith("<p>Otro párrafo &quot;citado&quot;</p>"));
    }

    [Test]
    public void ToSafeHtml_DeepButReasonableNesting_StillRenders()
    {
        var renderer = TestRenderers.Create();
        var answer = "> quote\n>> inner\n\n- a\n  - b\n    - c\n      - d\n\n<table><tr><td><ul><li><b><i>cell</i></b></li></ul></td></tr></table>";

        var html = renderer.ToSafeHtml(answer);

        Assert.That(html, Does.Contain("<blockquote>").And.Contain("<li>d</li>").And.Contain("<b><i>cell</i></b>"));
    }

    [Test]
    public void ToSafeHtml_LongerThanTheBound_IsEscapedAndAShortOneIsNot()
    {
        var renderer = TestRenderers.Create(null, 1_000);

        var longHtml = renderer.ToSafeHtml("**bold** " + new string('x', 1_000));
        var shortHtml = renderer.ToSafeHtml("**bold** " + new string('x', 900));

        Assert.That(longHtml, Does.StartWith("<p>**bold** xxx"));
        Assert.That(shortHtml, Does.StartWith("<p><strong>bold</strong> xxx"));
    }
}
