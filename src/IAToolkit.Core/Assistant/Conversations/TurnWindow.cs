namespace IAToolkit.Assistant.Conversations;

/// <summary>
/// The part of a conversation the next prompt can use: the newest whole turns whose tokens fit the history budget,
/// by the rule <see cref="TokenBudgetChatReducer"/> applies to a question's messages. The cache keeps only this
/// window, so a conversation's footprint in Redis is bounded by the budget, not by its length.
/// </summary>
internal static class TurnWindow
{
    /// <summary>The newest turns of <paramref name="history"/> (oldest first) whose questions and answers together fit <paramref name="budget"/> tokens.</summary>
    public static IReadOnlyList<Turn> Newest(IReadOnlyList<Turn> history, int budget)
    {
        var start = history.Count;
        var spent = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            spent += history[i].Tokens;
            if (spent > budget)
            {
                break;
            }

            start = i;
        }

        return start == 0 ? history : [.. history.Skip(start)];
    }
}
