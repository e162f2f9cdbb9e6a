using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant;

/// <summary>
/// A message whose tokens are already known (history turns carry their counts), so that
/// <see cref="TokenBudgetChatReducer"/> does not tokenize it again on every question.
/// </summary>
internal sealed class CountedChatMessage : ChatMessage
{
    public CountedChatMessage(ChatRole role, string text, int tokens)
        : base(role, text)
    {
        Tokens = tokens;
    }

    /// <summary>The tokens of <see cref="ChatMessage.Text"/>, as <see cref="TokenCounter"/> counts them.</summary>
    public int Tokens { get; }
}
