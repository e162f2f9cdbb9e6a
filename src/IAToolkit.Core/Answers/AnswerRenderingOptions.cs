namespace IAToolkit.Answers;

/// <summary>How the model's answers are turned into HTML for the chat page (section <c>IAToolkit:Answers</c>).</summary>
internal sealed class AnswerRenderingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Answers";

    /// <summary>
    /// Hosts whose <c>https</c> images an answer may show inline, e.g. <c>static.acme.example</c> (exact host names,
    /// compared without case). Empty by default: an image from anywhere else becomes a link the user has to click,
    /// because an image loads by itself the moment the answer is shown, and a prompt injected through a document or a
    /// query result could otherwise make the model send data to a foreign server in an image address.
    /// </summary>
    public IList<string> ImageHosts { get; } = [];

    /// <summary>
    /// The longest answer rendered as Markdown and HTML; a longer one is shown as plain (HTML-encoded) text. Some inputs
    /// (very wide tables, deep nesting) cost the parsers more than linear time, so the bound keeps one answer from
    /// pinning a core. Default 100,000 characters (about 25,000 tokens, more than a model writes in one answer).
    /// </summary>
    public int MaxRenderedLength { get; set; } = 100_000;
}
