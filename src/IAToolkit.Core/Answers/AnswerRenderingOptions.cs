namespace IAToolkit.Answers;

/// <summary>How the model's answers are turned into HTML for the chat page (section <c>IAToolkit:Answers</c>).</summary>
public sealed class AnswerRenderingOptions
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
}
