using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant;

/// <summary>
/// Keeps a question's history within a token budget: the leading system messages and the question (the last message)
/// always stay, and of the turns between them only the newest whole turns whose tokens fit the budget. Older turns are
/// dropped from the front, never cut in the middle, and the system prefix is passed on untouched, so what the
/// provider caches for the prompt's beginning stays byte-identical from turn to turn.
/// </summary>
/// <remarks>
/// It reduces the messages a question starts with, before the model is called: the tool calls and results of the
/// question itself are added by the function-invoking client later and are never dropped.
/// </remarks>
internal sealed class TokenBudgetChatReducer : IChatReducer
{
    private readonly int _budget;

    /// <param name="budget">The most tokens of earlier turns to keep (<see cref="AssistantOptions.HistoryTokenBudget"/>).</param>
    public TokenBudgetChatReducer(int budget) => _budget = budget;

    public Task<IEnumerable<ChatMessage>> ReduceAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var all = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var prefix = 0;
        while (prefix < all.Count && all[prefix].Role == ChatRole.System)
        {
            prefix++;
        }

        // The last message is the question; everything between the prefix and it is history.
        var end = all.Count > prefix && all[^1].Role == ChatRole.User ? all.Count - 1 : all.Count;
        var start = end;
        var spent = 0;
        var turnEnd = end;
        for (var i = end - 1; i >= prefix; i--)
        {
            if (all[i].Role != ChatRole.User && i > prefix)
            {
                continue;
            }

            // A turn runs from a user message to the next one; count it whole, keep it whole or stop.
            for (var j = i; j < turnEnd; j++)
            {
                spent += all[j] is CountedChatMessage counted ? counted.Tokens : TokenCounter.Count(all[j].Text);
            }

            if (spent > _budget)
            {
                break;
            }

            start = i;
            turnEnd = i;
        }

        IEnumerable<ChatMessage> reduced = [.. all.Take(prefix), .. all.Skip(start)];
        return Task.FromResult(reduced);
    }
}
