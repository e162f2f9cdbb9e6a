using Ganss.Xss;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Answers;

/// <summary>
/// Turns the model's answer (Markdown, HTML or a mix) into HTML that is safe to insert into the chat page, and HTML into
/// plain text for mails and logs. The Python project inserted the model's HTML unchanged (an XSS hole);
/// here everything the model writes goes through Markdig and then an allow-list sanitizer. Thread-safe; the same input
/// always gives the same output.
/// </summary>
internal sealed class AnswerRenderer
{
    private readonly HtmlSanitizerOptions _policy = AnswerHtmlPolicy.Options();
    private readonly IReadOnlySet<string> _imageHosts;
    private readonly int _maxLength;
    private readonly ILogger<AnswerRenderer> _logger;

    public AnswerRenderer(IOptions<AnswerRenderingOptions> options, ILogger<AnswerRenderer> logger)
    {
        _imageHosts = new HashSet<string>(options.Value.ImageHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        _maxLength = options.Value.MaxRenderedLength;
        _logger = logger;
    }

    /// <summary>How deeply rendered elements may nest; real answers use a dozen levels at most.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// The answer as HTML for the chat page: Markdown rendered (pipe tables, strike-through and other emphasis extras,
    /// autolinks, task lists as ☑/☐), raw HTML kept only where the allow-list permits: headings, paragraphs, lists,
    /// tables, code, quotes, inline emphasis, <c>div</c>/<c>span</c>; links to http(s), mailto or relative paths (external
    /// ones open in a new tab with <c>rel="noopener noreferrer"</c>); images only from
    /// <see cref="AnswerRenderingOptions.ImageHosts"/> over https; safe class names; <c>text-align</c> as the only style.
    /// An answer that cannot be rendered (too long, nested too deeply, or refused by the Markdown parser) comes back as
    /// HTML-encoded text with a warning in the log: the user still reads it, and no markup of it reaches the page.
    /// </summary>
    public string ToSafeHtml(string modelOutput)
    {
        ArgumentNullException.ThrowIfNull(modelOutput);
        if (modelOutput.Length == 0)
        {
            return string.Empty;
        }

        // The parsers' time grows faster than the text on some inputs (wide pipe tables, deep nesting): bound the input.
        if (modelOutput.Length > _maxLength)
        {
            return Unrendered(modelOutput, $"it is longer than {_maxLength} characters", null);
        }

        string html;
        AnswerSanitizer sanitizer;
        try
        {
            var markup = AnswerMarkdown.ToHtml(modelOutput, out var rawHtml);
            if (HtmlNesting.Exceeds(markup, MaxNestingDepth))
            {
                return Unrendered(modelOutput, $"its elements nest more than {MaxNestingDepth} levels deep", null);
            }

            // Markdown without raw HTML, links or images renders to markup with nothing to remove.
            if (!rawHtml && PlainMarkup.TrySanitize(markup) is { } plain)
            {
                return plain;
            }

            sanitizer = new AnswerSanitizer(_policy, _imageHosts);
            html = sanitizer.Sanitize(markup).Trim();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Markdig refuses deep nesting (10,000 '>' or list markers) with an ArgumentException; whatever a parser
            // throws, the answer itself must not be lost.
            return Unrendered(modelOutput, "the Markdown or HTML parser failed on it", ex);
        }

        if (sanitizer.ActiveContent.Count > 0)
        {
            AnswerLog.ActiveContentRemoved(_logger, sanitizer.ActiveContent.Count, sanitizer.ActiveContent[0]);
        }
        else if (sanitizer.Removed > 0)
        {
            AnswerLog.MarkupRemoved(_logger, sanitizer.Removed);
        }

        return html;
    }

    private string Unrendered(string modelOutput, string reason, Exception? exception)
    {
        AnswerLog.RenderedAsText(_logger, modelOutput.Length, reason, exception);
        return EscapedAnswer.ToHtml(modelOutput);
    }

    /// <summary>
    /// The text of some HTML, for mails and logs: block elements on their own lines, list items with "- ", table
    /// cells separated by tabs, links as "text (address)"; scripts and styles dropped.
    /// </summary>
    public static string ToPlainText(string html) => HtmlPlainText.From(html);
}
