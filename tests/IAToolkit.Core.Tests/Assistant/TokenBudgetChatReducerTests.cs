using IAToolkit.Assistant;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.Assistant;

public sealed class TokenBudgetChatReducerTests
{
    private static readonly string Prefix = string.Concat(Enumerable.Repeat("The company context, long enough to cost tokens. ", 200));

    [Test]
    public async Task ReduceAsync_HistoryOverTheBudget_KeepsTheNewestWholeTurnsAndThePrefixUntouched()
    {
        var turn = string.Concat(Enumerable.Repeat("word ", 100));
        var turnTokens = TokenCounter.Count("q3 " + turn) + TokenCounter.Count("a3 " + turn);
        var messages = new List<ChatMessage> { new(ChatRole.System, Prefix), new(ChatRole.System, "The user: ana@example.com") };
        for (var i = 1; i <= 4; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"q{i} " + turn));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"a{i} " + turn));
        }

        messages.Add(new ChatMessage(ChatRole.User, "The question"));

        // Room for two turns and a half: the half turn is left out whole.
        var reduced = (await new TokenBudgetChatReducer((turnTokens * 5) / 2).ReduceAsync(messages, CancellationToken.None)).ToList();

        Assert.That(reduced.Take(2), Is.EqualTo(messages.Take(2)), "the same system messages, first");
        Assert.That(reduced[0].Text, Is.EqualTo(Prefix));
        Assert.That(reduced.Skip(2).Select(m => m.Text[..2]), Is.EqualTo(new[] { "q3", "a3", "q4", "a4", "Th" }), "the two newest turns, then the question");
        Assert.That(reduced[^1].Text, Is.EqualTo("The question"));
    }

    [Test]
    public async Task ReduceAsync_HistoryWithinTheBudget_KeepsEveryMessageInOrder()
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Prefix), new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello"), new(ChatRole.User, "Again"),
        };

        var reduced = await new TokenBudgetChatReducer(6000).ReduceAsync(messages, CancellationToken.None);

        Assert.That(reduced, Is.EqualTo(messages));
    }

    [Test]
    public async Task ReduceAsync_NewestTurnAloneOverTheBudget_SendsOnlyThePrefixAndTheQuestion()
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Prefix), new(ChatRole.User, "An old question"), new(ChatRole.Assistant, string.Concat(Enumerable.Repeat("long ", 500))), new(ChatRole.User, "Now"),
        };

        var reduced = await new TokenBudgetChatReducer(100).ReduceAsync(messages, CancellationToken.None);

        Assert.That(reduced.Select(m => m.Text), Is.EqualTo(new[] { Prefix, "Now" }));
    }
}
