using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace IAToolkit.Answers;

/// <summary>
/// The model's Markdown to (not yet safe) HTML with Markdig. Raw HTML passes through, because format prompts ask the
/// model for HTML tables and lists; the sanitizer decides what of it stays.
/// </summary>
internal static class AnswerMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Build();

    /// <summary>Renders Markdown, HTML or a mix of both to HTML.</summary>
    public static string ToHtml(string markdown) => ToHtml(markdown, out _);

    /// <summary>Renders Markdown, HTML or a mix of both to HTML, and says whether the text contained raw HTML.</summary>
    public static string ToHtml(string markdown, out bool rawHtml)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        rawHtml = document.Descendants<HtmlBlock>().Any() || document.Descendants<HtmlInline>().Any();
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTaskListRenderer>(new TaskListGlyphRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists();

        // Models indent the HTML they write; after a blank line CommonMark would turn an indented "<tr>" into a code
        // block that shows the raw tags. Models fence their code, so indented code blocks go.
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        return builder.Build();
    }

    /// <summary>Task list boxes as ☑/☐ characters: the chat page allows no form controls.</summary>
    private sealed class TaskListGlyphRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj)
            => renderer.Write(obj.Checked ? "☑" : "☐");
    }
}
