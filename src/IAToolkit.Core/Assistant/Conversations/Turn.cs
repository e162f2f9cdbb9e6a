using System.Text.Json.Serialization;

namespace IAToolkit.Assistant.Conversations;

/// <summary>One earlier question and its answer, as history for the next question.</summary>
/// <param name="Question">What the user asked (or the rendered prompt).</param>
/// <param name="Answer">What the assistant answered.</param>
/// <param name="QuestionTokens">The question's tokens, counted once when the turn is made, so that keeping history
/// within its budget never tokenizes the same text again.</param>
/// <param name="AnswerTokens">The answer's tokens, counted likewise.</param>
/// <remarks>The short JSON names are what Redis stores for every cached conversation.</remarks>
internal sealed record Turn(
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("a")] string Answer,
    [property: JsonPropertyName("qn")] int QuestionTokens,
    [property: JsonPropertyName("an")] int AnswerTokens)
{
    /// <summary>The tokens of the question and the answer together.</summary>
    [JsonIgnore]
    public int Tokens => QuestionTokens + AnswerTokens;

    /// <summary>A turn with its tokens counted.</summary>
    public static Turn Of(string question, string answer) => new(question, answer, TokenCounter.Count(question), TokenCounter.Count(answer));
}
