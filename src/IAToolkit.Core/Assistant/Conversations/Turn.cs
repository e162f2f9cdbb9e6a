namespace IAToolkit.Assistant.Conversations;

/// <summary>One earlier question and its answer, as history for the next question.</summary>
/// <param name="Question">What the user asked (or the rendered prompt).</param>
/// <param name="Answer">What the assistant answered.</param>
internal sealed record Turn(string Question, string Answer);
